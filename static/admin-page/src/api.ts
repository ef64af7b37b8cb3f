/**
 * The admin page's resolver calls and module context, so the rest of the page is plain React over typed data.
 * Theming and navigation are in static/shared/src/forge.ts.
 */
import { getModuleContext } from '../../shared/src/forge';
import { invokeResolver } from '../../shared/src/invoke';
import type { ResolverResult } from '../../../src/contract/envelope';
import type { PanelContext, ResolverApi, ResolverKey } from '../../../src/contract/resolver-api';

export type Payload<K extends ResolverKey> = ResolverApi[K]['payload'];
export type Result<K extends ResolverKey> = ResolverApi[K]['result'];

/** Calls a resolver the admin page uses; the answer is always the envelope. */
export function call<K extends ResolverKey>(key: K, payload: Payload<K>): Promise<ResolverResult<Result<K>>> {
  return invokeResolver(key, payload);
}

export type AdminContext = PanelContext;

/** The module context (theme, locale; the admin page has no board or project of its own). */
export function getAdminContext(): Promise<AdminContext> {
  return getModuleContext();
}
