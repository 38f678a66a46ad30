import { useEffect, useState } from 'react';

/** The screen id in the URL hash (#catalog); survives reloads and works with file:// and the token URL. */
export function useHashRoute(ids: readonly string[], fallback: string): [string, (id: string) => void] {
  const read = () => {
    const id = window.location.hash.replace(/^#\/?/, '').split('?')[0] ?? '';
    return ids.includes(id) ? id : fallback;
  };
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onHash = () => setRoute(read());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read() depends only on ids/fallback, stable per app
  }, []);
  return [route, (id: string) => (window.location.hash = id)];
}
