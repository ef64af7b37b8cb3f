/**
 * The panel's one door to Forge: every resolver call, the module context, theming and navigation go through
 * here, so the rest of the UI is plain React over typed data.
 */
import { router, view } from '@forge/bridge';
import { invokeResolver } from '../../shared/src/invoke';
import type { ResolverResult } from '../../../src/contract/envelope';
import type { PanelContext, ResolverApi, ResolverKey } from '../../../src/contract/resolver-api';

/** The resolver functions this panel invokes; a test checks that the server defines each of them. */
export const INVOKED_RESOLVERS = ['getPlan', 'listBoards'] as const satisfies readonly ResolverKey[];

export type InvokedResolver = (typeof INVOKED_RESOLVERS)[number];

/** Calls a resolver the panel uses; the answer is always the envelope. */
export function call<K extends InvokedResolver>(
  key: K,
  payload: ResolverApi[K]['payload'],
): Promise<ResolverResult<ResolverApi[K]['result']>> {
  return invokeResolver(key, payload);
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
