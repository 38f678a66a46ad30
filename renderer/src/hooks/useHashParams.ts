import { useEffect, useState } from 'react';

/** The query after the screen id in the URL hash: `#regions?types=m5.large` → { types: 'm5.large' }. */
export function readHashParams(): URLSearchParams {
  const hash = window.location.hash;
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

/** A link to a screen with parameters: screenHref('regions', { types: 'm5.large' }) → "#regions?types=m5.large". */
export function screenHref(screen: string, params: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  ).toString();
  return `#${screen}${query ? '?' + query : ''}`;
}

/** The hash's parameters, read again whenever the hash changes (a link into the screen that is open). */
export function useHashParams(): URLSearchParams {
  const [params, setParams] = useState(readHashParams);
  useEffect(() => {
    const onHash = () => setParams(readHashParams());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return params;
}
