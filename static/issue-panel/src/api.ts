/**
 * The issue panel's one door to Forge: resolver calls, the module context, theming and navigation.
 */
import { router, view } from '@forge/bridge';
import { invokeResolver } from '../../shared/src/invoke';
import type { ResolverResult } from '../../../src/contract/envelope';
import type { PanelContext, ResolverApi, ResolverKey } from '../../../src/contract/resolver-api';

/** The resolver functions this panel invokes; a test checks that the server defines each of them. */
export const INVOKED_RESOLVERS = [
  'getIssuePanel',
  'setDodItem',
  'setLaneOverride',
] as const satisfies readonly ResolverKey[];

export type InvokedResolver = (typeof INVOKED_RESOLVERS)[number];

export function call<K extends InvokedResolver>(
  key: K,
  payload: ResolverApi[K]['payload'],
): Promise<ResolverResult<ResolverApi[K]['result']>> {
  return invokeResolver(key, payload);
}

export type IssuePanelContext = PanelContext & { locale?: string };

export async function getPanelContext(): Promise<IssuePanelContext> {
  return (await view.getContext()) as unknown as IssuePanelContext;
}

/** Asks Jira to apply its theme (light/dark) to the panel and keep it in sync. */
export async function enableTheming(): Promise<void> {
  await view.theme.enable();
}

/** Opens a Jira issue in a new tab. */
export function openIssue(key: string): void {
  void router.open(`/browse/${encodeURIComponent(key)}`).catch(() => undefined);
}
