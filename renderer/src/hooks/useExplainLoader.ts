import { useCallback, useRef } from 'react';
import type { CallInput, CallName, CallOutput } from '@shared/contract';
import { useApi } from '../api-context';

/** The calls that explain their figures when asked (`explain: true`). */
export type ExplainableCall = Extract<
  CallName,
  'pricing.estimate' | 'pricing.compare' | 'catalog.priceOptions' | 'ebs.size'
>;

/**
 * Explanations are built only when someone opens one: this returns a loader that asks the call again
 * with `explain: true` on first use and keeps the answer for the same input (compared by value), so
 * the screens' normal calls stay as fast as before. Undefined while there is nothing to explain.
 */
export function useExplainLoader<K extends ExplainableCall>(
  name: K,
  input: Omit<CallInput<K>, 'explain'> | null,
): (() => Promise<CallOutput<K>>) | undefined {
  const api = useApi();
  const key = input === null ? null : JSON.stringify(input);
  const cache = useRef<{ key: string; answer: Promise<CallOutput<K>> } | null>(null);
  const load = useCallback((): Promise<CallOutput<K>> => {
    if (key === null) return Promise.reject(new Error('nothing to explain'));
    if (cache.current?.key !== key) {
      const call = api[name] as unknown as (input: unknown) => Promise<CallOutput<K>>;
      const answer = call({ ...(JSON.parse(key) as object), explain: true });
      // A failed answer is not kept: opening the figure again asks again.
      answer.catch(() => {
        if (cache.current?.answer === answer) cache.current = null;
      });
      cache.current = { key, answer };
    }
    return cache.current.answer;
  }, [api, name, key]);
  return key === null ? undefined : load;
}
