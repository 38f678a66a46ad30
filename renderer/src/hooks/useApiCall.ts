import { useEffect, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '@shared/contract';
import { useApi } from '../api-context';
import { errorMessage } from '../errors';

interface Settled<K extends CallName> {
  key: string | null;
  data: CallOutput<K> | undefined;
  error: string | null;
}

export interface ApiCallState<K extends CallName> {
  /** The latest result; while a new request is in flight it still holds the previous one. */
  data: CallOutput<K> | undefined;
  /** The error of the current request, if it failed. */
  error: string | null;
  loading: boolean;
}

/**
 * Calls the contract whenever `input` changes (compared by value); `null` means "don't call".
 * Responses to inputs that have since changed are dropped, so a slow answer never overwrites a newer one.
 * A new `refreshKey` calls again with the same input (e.g. after an import replaced the catalog).
 */
export function useApiCall<K extends CallName>(
  name: K,
  input: CallInput<K> | null,
  refreshKey: number = 0,
): ApiCallState<K> {
  const api = useApi();
  const key = input === null ? null : `${refreshKey}#${JSON.stringify(input)}`;
  const [settled, setSettled] = useState<Settled<K>>({ key: null, data: undefined, error: null });

  useEffect(() => {
    if (key === null) return;
    let current = true;
    const call = api[name] as (input: CallInput<K>) => Promise<CallOutput<K>>;
    call(JSON.parse(key.slice(key.indexOf('#') + 1)) as CallInput<K>).then(
      (data) => {
        if (current) setSettled({ key, data, error: null });
      },
      (err: unknown) => {
        if (current) setSettled((prev) => ({ key, data: prev.data, error: errorMessage(err) }));
      },
    );
    return () => {
      current = false;
    };
  }, [api, name, key]);

  const isCurrent = settled.key === key;
  return {
    data: settled.data,
    error: isCurrent ? settled.error : null,
    loading: key !== null && !isCurrent,
  };
}
