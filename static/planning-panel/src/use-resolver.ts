import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResolverError } from '../../../src/contract/envelope';
import type { ResolverApi, ResolverKey } from '../../../src/contract/resolver-api';
import { invokeResolver } from '../../shared/src/invoke';

export type LoadState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: ResolverError }
  | { status: 'ready'; data: T; refreshing: boolean };

/**
 * Calls a resolver whenever its payload changes (compared by value) and on `retry()`. A retry while data is
 * shown keeps the data on screen (refreshing) instead of flashing the skeleton. Late answers to an older
 * payload are dropped.
 */
export function useResolver<K extends ResolverKey>(
  key: K,
  payload: ResolverApi[K]['payload'] | null,
  onData?: (data: ResolverApi[K]['result']) => void,
): { state: LoadState<ResolverApi[K]['result']>; retry: () => void } {
  const payloadKey = payload === null ? null : JSON.stringify(payload);
  const [state, setState] = useState<LoadState<ResolverApi[K]['result']>>(
    payloadKey === null ? { status: 'idle' } : { status: 'loading' },
  );
  const [attempt, setAttempt] = useState(0);
  const onDataRef = useRef(onData);
  useEffect(() => {
    onDataRef.current = onData;
  }, [onData]);
  const shownKey = useRef<string | null>(null);

  useEffect(() => {
    if (payloadKey === null) {
      setState({ status: 'idle' });
      return undefined;
    }
    let current = true;
    const samePayload = shownKey.current === payloadKey;
    setState((previous) =>
      samePayload && previous.status === 'ready' ? { ...previous, refreshing: true } : { status: 'loading' },
    );
    void invokeResolver(key, JSON.parse(payloadKey) as ResolverApi[K]['payload']).then((result) => {
      if (!current) return;
      if (result.ok) {
        onDataRef.current?.(result.data);
        shownKey.current = payloadKey;
        setState({ status: 'ready', data: result.data, refreshing: false });
      } else {
        shownKey.current = null;
        setState({ status: 'error', error: result.error });
      }
    });
    return () => {
      current = false;
    };
  }, [key, payloadKey, attempt]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { state, retry };
}
