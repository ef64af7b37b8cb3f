/**
 * The admin page's resolver calls and module context, so the rest of the page is plain React over typed data.
 * Theming and navigation are in static/shared/src/forge.ts.
 */
import { getModuleContext } from '../../shared/src/forge';
import { invokeResolver } from '../../shared/src/invoke';
import type { ResolverResult } from '../../../src/contract/envelope';
import type { PanelContext, ResolverApi, ResolverKey } from '../../../src/contract/resolver-api';

/** The resolver functions the admin page invokes; a test checks that each is in the contract. */
export const INVOKED_ADMIN_RESOLVERS = [
  'getConfig',
  'saveConfig',
  'importConfig',
  'listRevisions',
  'restoreRevision',
  'resetProjectConfig',
  'previewConfig',
  'validateConfig',
  'siteCatalog',
  'listBoards',
] as const satisfies readonly ResolverKey[];

export type InvokedAdminResolver = (typeof INVOKED_ADMIN_RESOLVERS)[number];

export type Payload<K extends InvokedAdminResolver> = ResolverApi[K]['payload'];
export type Result<K extends InvokedAdminResolver> = ResolverApi[K]['result'];

/** Calls a resolver the admin page uses; the answer is always the envelope. */
export function call<K extends InvokedAdminResolver>(
  key: K,
  payload: Payload<K>,
): Promise<ResolverResult<Result<K>>> {
  return invokeResolver(key, payload);
}

export type AdminContext = PanelContext & { locale?: string; accountId?: string };

/** The module context (theme, locale; the admin page has no board or project of its own). */
export function getAdminContext(): Promise<AdminContext> {
  return getModuleContext<AdminContext>();
}
