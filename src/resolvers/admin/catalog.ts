import { readCatalog } from '../../app/config-admin';
import type { SiteCatalog } from '../../contract/admin-api';
import { jiraClientFor, type ResolverDeps } from '../deps';
import type { ForgeContext } from '../request';
import { catalogPayload } from './payloads';

export async function siteCatalog(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<SiteCatalog> {
  const request = catalogPayload.parse(payload);
  return readCatalog({ client: jiraClientFor(deps, context) }, request.projectKey);
}
