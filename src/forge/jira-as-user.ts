import api, { route, type APIResponse } from '@forge/api';
import type { HttpMethod, JiraRequest, JiraResponse } from '../jira/seam';

/**
 * The seam inside Forge: every Jira call, as the user who opened the panel.
 *
 * Each endpoint is spelled out as a `route` template rather than passed through with `assumeTrustedRoute`, so
 * that (1) `forge lint` sees every call and checks it against the manifest's scopes, and (2) nothing but these
 * endpoints can ever be reached from here, whatever path the adapter builds.
 */
type Call = (
  match: RegExpExecArray,
  query: URLSearchParams,
  body: string | undefined,
) => Promise<APIResponse>;

const json = { Accept: 'application/json', 'Content-Type': 'application/json' };
const accept = { Accept: 'application/json' };
const param = (query: URLSearchParams, name: string, fallback: string) => query.get(name) ?? fallback;

/** Who Jira answers as: the user who opened the app, or the app itself (the workflow validator has no user). */
type Requester = () => Pick<ReturnType<typeof api.asUser>, 'requestJira'>;

const endpointsFor = (as: Requester): { method: HttpMethod; path: RegExp; call: Call }[] => [
  {
    method: 'GET',
    path: /^\/rest\/agile\/1\.0\/board$/,
    call: (_, query) =>
      query.has('projectKeyOrId')
        ? as().requestJira(
            route`/rest/agile/1.0/board?projectKeyOrId=${param(query, 'projectKeyOrId', '')}&startAt=${param(query, 'startAt', '0')}&maxResults=${param(query, 'maxResults', '50')}`,
            { headers: accept },
          )
        : as().requestJira(
            route`/rest/agile/1.0/board?startAt=${param(query, 'startAt', '0')}&maxResults=${param(query, 'maxResults', '50')}`,
            { headers: accept },
          ),
  },
  {
    method: 'GET',
    path: /^\/rest\/agile\/1\.0\/board\/(\d+)$/,
    call: ([, boardId]) =>
      as().requestJira(route`/rest/agile/1.0/board/${boardId ?? ''}`, { headers: accept }),
  },
  {
    method: 'GET',
    path: /^\/rest\/agile\/1\.0\/board\/(\d+)\/configuration$/,
    call: ([, boardId]) =>
      as().requestJira(route`/rest/agile/1.0/board/${boardId ?? ''}/configuration`, { headers: accept }),
  },
  {
    method: 'GET',
    path: /^\/rest\/agile\/1\.0\/board\/(\d+)\/sprint$/,
    call: ([, boardId], query) =>
      as().requestJira(
        route`/rest/agile/1.0/board/${boardId ?? ''}/sprint?state=${param(query, 'state', 'active,future')}&startAt=${param(query, 'startAt', '0')}&maxResults=${param(query, 'maxResults', '50')}`,
        { headers: accept },
      ),
  },
  {
    method: 'GET',
    path: /^\/rest\/agile\/1\.0\/sprint\/(\d+)$/,
    call: ([, sprintId]) =>
      as().requestJira(route`/rest/agile/1.0/sprint/${sprintId ?? ''}`, { headers: accept }),
  },
  {
    method: 'GET',
    path: /^\/rest\/api\/3\/field$/,
    call: () => as().requestJira(route`/rest/api/3/field`, { headers: accept }),
  },
  {
    method: 'GET',
    path: /^\/rest\/api\/3\/mypermissions$/,
    call: (_, query) =>
      query.has('issueKey')
        ? as().requestJira(
            route`/rest/api/3/mypermissions?issueKey=${param(query, 'issueKey', '')}&permissions=${param(query, 'permissions', '')}`,
            { headers: accept },
          )
        : as().requestJira(route`/rest/api/3/mypermissions?permissions=${param(query, 'permissions', '')}`, {
            headers: accept,
          }),
  },
  {
    method: 'GET',
    path: /^\/rest\/api\/3\/issue\/([A-Z][A-Z0-9_]*-\d+)\/properties\/(ml-lanes-[a-z-]+)$/,
    call: ([, issueKey, propertyKey]) =>
      as().requestJira(route`/rest/api/3/issue/${issueKey ?? ''}/properties/${propertyKey ?? ''}`, {
        headers: accept,
      }),
  },
  {
    method: 'PUT',
    path: /^\/rest\/api\/3\/issue\/([A-Z][A-Z0-9_]*-\d+)\/properties\/(ml-lanes-[a-z-]+)$/,
    call: ([, issueKey, propertyKey], __, body) =>
      as().requestJira(route`/rest/api/3/issue/${issueKey ?? ''}/properties/${propertyKey ?? ''}`, {
        method: 'PUT',
        headers: json,
        body,
      }),
  },
  {
    method: 'GET',
    path: /^\/rest\/api\/3\/issuetype$/,
    call: () => as().requestJira(route`/rest/api/3/issuetype`, { headers: accept }),
  },
  {
    method: 'GET',
    path: /^\/rest\/api\/3\/issueLinkType$/,
    call: () => as().requestJira(route`/rest/api/3/issueLinkType`, { headers: accept }),
  },
  {
    method: 'GET',
    path: /^\/rest\/api\/3\/project\/search$/,
    call: (_, query) =>
      as().requestJira(
        route`/rest/api/3/project/search?startAt=${param(query, 'startAt', '0')}&maxResults=${param(query, 'maxResults', '50')}`,
        { headers: accept },
      ),
  },
  {
    method: 'GET',
    path: /^\/rest\/api\/3\/project\/([A-Z][A-Z0-9_]*)$/,
    call: ([, projectKey]) =>
      as().requestJira(route`/rest/api/3/project/${projectKey ?? ''}`, { headers: accept }),
  },
  {
    method: 'GET',
    path: /^\/rest\/api\/3\/project\/([A-Z][A-Z0-9_]*)\/components$/,
    call: ([, projectKey]) =>
      as().requestJira(route`/rest/api/3/project/${projectKey ?? ''}/components`, { headers: accept }),
  },
  {
    method: 'GET',
    path: /^\/rest\/api\/3\/label$/,
    call: (_, query) =>
      as().requestJira(
        route`/rest/api/3/label?startAt=${param(query, 'startAt', '0')}&maxResults=${param(query, 'maxResults', '1000')}`,
        { headers: accept },
      ),
  },
  {
    method: 'POST',
    path: /^\/rest\/api\/3\/search\/jql$/,
    call: (_, __, body) =>
      as().requestJira(route`/rest/api/3/search/jql`, { method: 'POST', headers: json, body }),
  },
  {
    method: 'POST',
    path: /^\/rest\/api\/3\/issue\/bulkfetch$/,
    call: (_, __, body) =>
      as().requestJira(route`/rest/api/3/issue/bulkfetch`, { method: 'POST', headers: json, body }),
  },
];

const AS_USER = endpointsFor(() => api.asUser());
const AS_APP = endpointsFor(() => api.asApp());

export function forgeJiraAsUser(): JiraRequest {
  return seamOver(AS_USER);
}

/** Only for the Done-transition validator, which Jira runs without a user; it reads, never writes. */
export function forgeJiraAsApp(): JiraRequest {
  return seamOver(AS_APP.filter((endpoint) => endpoint.method !== 'PUT'));
}

function seamOver(endpoints: ReturnType<typeof endpointsFor>): JiraRequest {
  return async (method: HttpMethod, path: string, body?: unknown): Promise<JiraResponse> => {
    const url = new URL(path, 'https://jira.invalid');
    for (const endpoint of endpoints) {
      const match = endpoint.method === method ? endpoint.path.exec(url.pathname) : null;
      if (match)
        return endpoint.call(match, url.searchParams, body === undefined ? undefined : JSON.stringify(body));
    }
    throw new Error(`ML Lanes does not call ${method} ${url.pathname} (add it to src/forge/jira-as-user.ts)`);
  };
}
