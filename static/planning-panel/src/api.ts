/**
 * The panel's one door to Forge: every resolver call, the module context, theming and navigation go through
 * here, so the rest of the UI is plain React over typed data.
 */
import { invoke, router, view } from '@forge/bridge';
import type { ResolverResult } from '../../../src/contract/envelope';
import type { PanelContext, ResolverApi, ResolverKey } from '../../../src/contract/resolver-api';

/** The resolver functions this panel invokes; a test checks that the server defines each of them. */
export const INVOKED_RESOLVERS = ['getPlan', 'listBoards'] as const satisfies readonly ResolverKey[];

export type InvokedResolver = (typeof INVOKED_RESOLVERS)[number];

/**
 * Calls a resolver and always answers with the envelope: a bridge failure (network, Forge's own time limit)
 * becomes an error the panel can show instead of an unhandled rejection.
 */
export async function call<K extends InvokedResolver>(
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

/** The module context (which Jira module opened the panel, and on what board, sprint or project). */
export async function getPanelContext(): Promise<PanelContext & { locale?: string }> {
  return (await view.getContext()) as unknown as PanelContext & { locale?: string };
}

/** Asks Jira to apply its theme (light/dark) to the panel and keep it in sync. */
export async function enableTheming(): Promise<void> {
  await view.theme.enable();
}

/** Opens a Jira issue in a new tab. */
export function openIssue(key: string): void {
  void router.open(`/browse/${encodeURIComponent(key)}`).catch(() => undefined);
}
