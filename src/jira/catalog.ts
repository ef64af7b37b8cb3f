import { z } from 'zod';
import type { SiteCatalog } from '../contract/admin-api';
import type { JiraClient } from './client';
import { listFields } from './fields';

const issueTypesSchema = z.array(z.object({ name: z.string() }));
const projectPageSchema = z.object({
  isLast: z.boolean().optional(),
  values: z.array(z.object({ key: z.string(), name: z.string() })),
});
const componentsSchema = z.array(z.object({ name: z.string() }));
const labelPageSchema = z.object({ isLast: z.boolean().optional(), values: z.array(z.string()) });
const linkTypesSchema = z.object({
  issueLinkTypes: z.array(z.object({ name: z.string(), inward: z.string(), outward: z.string() })),
});

/** Label suggestions stop here: a picker does not need every label of a large site. */
const LABEL_LIMIT = 1000;
/** Projects listed for the scope picker (and whose components are offered when no project is chosen). */
const PROJECT_LIMIT = 100;

/** What the admin page's pickers offer, read from the site itself (as the admin). */
export async function readSiteCatalog(client: JiraClient, projectKey?: string): Promise<SiteCatalog> {
  const [issueTypes, fields, projects, labels, linkTypes] = await Promise.all([
    client.call('GET /rest/api/3/issuetype', 'GET', '/rest/api/3/issuetype', issueTypesSchema),
    listFields(client),
    client.call(
      'GET /rest/api/3/project/search',
      'GET',
      `/rest/api/3/project/search?startAt=0&maxResults=${Math.min(PROJECT_LIMIT, 50)}`,
      projectPageSchema,
    ),
    client.call(
      'GET /rest/api/3/label',
      'GET',
      `/rest/api/3/label?startAt=0&maxResults=${LABEL_LIMIT}`,
      labelPageSchema,
    ),
    client.call('GET /rest/api/3/issueLinkType', 'GET', '/rest/api/3/issueLinkType', linkTypesSchema),
  ]);
  const componentProjects = projectKey ? [projectKey] : projects.values.map((project) => project.key);
  const components = await Promise.all(
    componentProjects.map((key) =>
      client.call(
        'GET /rest/api/3/project/{projectIdOrKey}/components',
        'GET',
        `/rest/api/3/project/${encodeURIComponent(key)}/components`,
        componentsSchema,
      ),
    ),
  );
  const unique = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b));
  return {
    issueTypes: unique(issueTypes.map((type) => type.name)),
    fields: fields.map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    projects: projects.values.map(({ key, name }) => ({ key, name })),
    components: unique(components.flat().map((component) => component.name)),
    labels: unique(labels.values),
    linkTypes: linkTypes.issueLinkTypes.map(({ name, inward, outward }) => ({ name, inward, outward })),
  };
}
