/**
 * The issue panel's resolver calls; the module context, theming and navigation are in static/shared/src/forge.ts.
 */
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
