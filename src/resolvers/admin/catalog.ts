import type { SiteCatalog } from '../../contract/admin-api';
import { readSiteCatalog } from '../../jira/catalog';
import { jiraClientFor, type ResolverDeps } from '../deps';
import type { ForgeContext } from '../request';
import { catalogPayload } from './payloads';

/** The site's issue types, fields, projects, components, labels and link types, for the admin page's pickers. */
export async function siteCatalog(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<SiteCatalog> {
  const request = catalogPayload.parse(payload);
  return readSiteCatalog(jiraClientFor(deps, context), request.projectKey);
}
