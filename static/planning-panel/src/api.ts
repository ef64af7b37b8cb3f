/**
 * The panel's resolver calls; the module context, theming and navigation are in static/shared/src/forge.ts.
 */
import { invokeResolver } from '../../shared/src/invoke';
import type { ResolverResult } from '../../../src/contract/envelope';
import type { ResolverApi, ResolverKey } from '../../../src/contract/resolver-api';

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
