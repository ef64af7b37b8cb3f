/**
 * The Custom UIs' one way to call a resolver: typed by the shared contract, and always answering with the
 * envelope, so that a bridge failure (network, Forge's time limit) is an error to show, not an unhandled rejection.
 */
import { invoke } from '@forge/bridge';
import type { ResolverResult } from '../../../src/contract/envelope';
import type { ResolverApi, ResolverKey } from '../../../src/contract/resolver-api';

export async function invokeResolver<K extends ResolverKey>(
  key: K,
  payload: ResolverApi[K]['payload'],
): Promise<ResolverResult<ResolverApi[K]['result']>> {
  try {
    const answer: unknown = await invoke(key, { ...payload });
    if (isEnvelope(answer)) return answer as ResolverResult<ResolverApi[K]['result']>;
    return {
      ok: false,
      error: { code: 'internal', message: `ML Lanes got an unreadable answer from ${key}.` },
    };
  } catch (error) {
    const detail = error instanceof Error ? error.message.trim() : String(error);
    return {
      ok: false,
      error: { code: 'jira-unavailable', message: `ML Lanes could not reach its ${key} function: ${detail}` },
    };
  }
}

function isEnvelope(value: unknown): value is ResolverResult<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}
