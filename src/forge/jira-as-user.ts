import api, { route, type APIResponse } from '@forge/api';
import type { HttpMethod, JiraRequest, JiraRequestInit, JiraResponse } from '../jira/seam';

/**
 * The seam inside Forge: every Jira call, as the user who opened the panel.
 *
 * Each endpoint is spelled out as a `route` template rather than passed through with `assumeTrustedRoute`, so
 * that (1) `forge lint` sees every call and checks it against the manifest's scopes, and (2) nothing but these
 * endpoints can ever be reached from here, whatever path the adapter builds.
 */
type Call = (
  jira: Jira,
  match: RegExpExecArray,
  query: URLSearchParams,
  body: string | undefined,
) => Promise<APIResponse>;

const json = { Accept: 'application/json', 'Content-Type': 'application/json' };
const accept = { Accept: 'application/json' };
const param = (query: URLSearchParams, name: string, fallback: string) => query.get(name) ?? fallback;

/** Who Jira answers as: the user who opened the app, or the app itself (the workflow validator has no user). */
type Jira = Pick<ReturnType<typeof api.asUser>, 'requestJira'>;

const ENDPOINTS: { method: HttpMethod; path: RegExp; call: Call }[] = [
  {
    method: 'GET',
    path: /^\/rest\/agile\/1\.0\/board$/,
    call: (jira, _, query) =>
      query.has('projectKeyOrId')
        ? jira.requestJira(
            route`/rest/agile/1.0/board?projectKeyOrId=${param(query, 'projectKeyOrId', '')}&startAt=${param(query, 'startAt', '0')}&maxResults=${param(query, 'maxResults', '50')}`,
            { headers: accept },
          )
        : jira.requestJira(
            route`/rest/agile/1.0/board?startAt=${param(query, 'startAt', '0')}&maxResults=${param(query, 'maxResults', '50')}`,
            { headers: accept },
          ),
  },
  {
    method: 'GET',
    path: /^\/rest\/agile\/1\.0\/board\/(\d+)$/,
    call: (jira, [, boardId]) =>
      jira.requestJira(route`/rest/agile/1.0/board/${boardId ?? ''}`, { headers: accept }),
  },
  {
    method: 'GET',
    path: /^\/rest\/agile\/1\.0\/board\/(\d+)\/configuration$/,
    call: (jira, [, boardId]) =>
      jira.requestJira(route`/rest/agile/1.0/board/${boardId ?? ''}/configuration`, { headers: accept }),
  },
  {
    method: 'GET',
    path: /^\/rest\/agile\/1\.0\/board\/(\d+)\/sprint$/,
    call: (jira, [, boardId], query) =>
      jira.requestJira(
        route`/rest/agile/1.0/board/${boardId ?? ''}/sprint?state=${param(query, 'state', 'active,future')}&startAt=${param(query, 'startAt', '0')}&maxResults=${param(query, 'maxResults', '50')}`,
        { headers: accept },
      ),
  },
  {
    method: 'GET',
    path: /^\/rest\/agile\/1\.0\/sprint\/(\d+)$/,
    call: (jira, [, sprintId]) =>
      jira.requestJira(route`/rest/agile/1.0/sprint/${sprintId ?? ''}`, { headers: accept }),
  },
  {
    method: 'GET',
    path: /^\/rest\/api\/3\/field$/,
    call: (jira) => jira.requestJira(route`/rest/api/3/field`, { headers: accept }),
  },
  {
    method: 'GET',
    path: /^\/rest\/api\/3\/mypermissions$/,
    call: (jira, _, query) =>
      query.has('issueKey')
        ? jira.requestJira(
            route`/rest/api/3/mypermissions?issueKey=${param(query, 'issueKey', '')}&permissions=${param(query, 'permissions', '')}`,
            { headers: accept },
          )
        : jira.requestJira(route`/rest/api/3/mypermissions?permissions=${param(query, 'permissions', '')}`, {
            headers: accept,
          }),
  },
  {
    method: 'GET',
    path: /^\/rest\/api\/3\/issue\/([A-Z][A-Z0-9_]*-\d+)\/properties\/(ml-lanes-[a-z-]+)$/,
    call: (jira, [, issueKey, propertyKey]) =>
      jira.requestJira(route`/rest/api/3/issue/${issueKey ?? ''}/properties/${propertyKey ?? ''}`, {
        headers: accept,
      }),
  },
  {
    method: 'PUT',
    path: /^\/rest\/api\/3\/issue\/([A-Z][A-Z0-9_]*-\d+)\/properties\/(ml-lanes-[a-z-]+)$/,
    call: (jira, [, issueKey, propertyKey], __, body) =>
      jira.requestJira(route`/rest/api/3/issue/${issueKey ?? ''}/properties/${propertyKey ?? ''}`, {
        method: 'PUT',
        headers: json,
        ...sent(body),
      }),
  },
  {
    method: 'GET',
    path: /^\/rest\/api\/3\/issuetype$/,
    call: (jira) => jira.requestJira(route`/rest/api/3/issuetype`, { headers: accept }),
  },
  {
    method: 'GET',
    path: /^\/rest\/api\/3\/issueLinkType$/,
    call: (jira) => jira.requestJira(route`/rest/api/3/issueLinkType`, { headers: accept }),
  },
  {
    method: 'GET',
    path: /^\/rest\/api\/3\/project\/search$/,
    call: (jira, _, query) =>
      jira.requestJira(
        route`/rest/api/3/project/search?startAt=${param(query, 'startAt', '0')}&maxResults=${param(query, 'maxResults', '50')}`,
        { headers: accept },
      ),
  },
  {
    method: 'GET',
    path: /^\/rest\/api\/3\/project\/([A-Z][A-Z0-9_]*)$/,
    call: (jira, [, projectKey]) =>
      jira.requestJira(route`/rest/api/3/project/${projectKey ?? ''}`, { headers: accept }),
  },
  {
    method: 'GET',
    path: /^\/rest\/api\/3\/project\/([A-Z][A-Z0-9_]*)\/components$/,
    call: (jira, [, projectKey]) =>
      jira.requestJira(route`/rest/api/3/project/${projectKey ?? ''}/components`, { headers: accept }),
  },
  {
    method: 'GET',
    path: /^\/rest\/api\/3\/label$/,
    call: (jira, _, query) =>
      jira.requestJira(
        route`/rest/api/3/label?startAt=${param(query, 'startAt', '0')}&maxResults=${param(query, 'maxResults', '1000')}`,
        { headers: accept },
      ),
  },
  {
    method: 'POST',
    path: /^\/rest\/api\/3\/search\/jql$/,
    call: (jira, _, __, body) =>
      jira.requestJira(route`/rest/api/3/search/jql`, { method: 'POST', headers: json, ...sent(body) }),
  },
  // The admin page's board setup asks Jira whether its JQL is valid, as the admin (what they can see).
  {
    method: 'POST',
    path: /^\/rest\/api\/3\/jql\/parse$/,
    call: (jira, _, query, body) =>
      jira.requestJira(route`/rest/api/3/jql/parse?validation=${param(query, 'validation', 'strict')}`, {
        method: 'POST',
        headers: json,
        ...sent(body),
      }),
  },
  {
    method: 'POST',
    path: /^\/rest\/api\/3\/issue\/bulkfetch$/,
    call: (jira, _, __, body) =>
      jira.requestJira(route`/rest/api/3/issue/bulkfetch`, { method: 'POST', headers: json, ...sent(body) }),
  },
  // The forecast's history: changelogs in bulk, what each status id means, and the user's time zone.
  {
    method: 'POST',
    path: /^\/rest\/api\/3\/changelog\/bulkfetch$/,
    call: (jira, _, __, body) =>
      jira.requestJira(route`/rest/api/3/changelog/bulkfetch`, {
        method: 'POST',
        headers: json,
        ...sent(body),
      }),
  },
  {
    method: 'GET',
    path: /^\/rest\/api\/3\/status$/,
    call: (jira) => jira.requestJira(route`/rest/api/3/status`, { headers: accept }),
  },
  {
    method: 'GET',
    path: /^\/rest\/api\/3\/myself$/,
    call: (jira) => jira.requestJira(route`/rest/api/3/myself`, { headers: accept }),
  },
];

/** The board index's writes, made as the app (events have no user): its own fields and property only. */
const INDEX_ENDPOINTS: typeof ENDPOINTS = [
  {
    method: 'POST',
    path: /^\/rest\/api\/3\/app\/field\/value$/,
    call: (jira, _, __, body) =>
      jira.requestJira(route`/rest/api/3/app/field/value`, { method: 'POST', headers: json, ...sent(body) }),
  },
  {
    method: 'POST',
    path: /^\/rest\/api\/3\/issue\/properties\/multi$/,
    call: (jira, _, __, body) =>
      jira.requestJira(route`/rest/api/3/issue/properties/multi`, {
        method: 'POST',
        headers: json,
        ...sent(body),
      }),
  },
  {
    method: 'GET',
    path: /^\/rest\/api\/3\/task\/(\d+)$/,
    call: (jira, [, taskId]) =>
      jira.requestJira(route`/rest/api/3/task/${taskId ?? ''}`, { headers: accept }),
  },
];

/**
 * The evidence consumer's calls, as the app (a web trigger has no user): the issue a delivery names (its id and
 * project), and writes to the app's own fields and to the `ml-lanes-evidence` property only.
 */
const EVIDENCE_ENDPOINTS: typeof ENDPOINTS = [
  {
    method: 'GET',
    path: /^\/rest\/api\/3\/issue\/([A-Z][A-Z0-9_]*-\d+)$/,
    call: (jira, [, issueKey]) =>
      jira.requestJira(route`/rest/api/3/issue/${issueKey ?? ''}?fields=project`, { headers: accept }),
  },
  {
    method: 'PUT',
    path: /^\/rest\/api\/3\/issue\/([A-Z][A-Z0-9_]*-\d+)\/properties\/ml-lanes-evidence$/,
    call: (jira, [, issueKey], __, body) =>
      jira.requestJira(route`/rest/api/3/issue/${issueKey ?? ''}/properties/ml-lanes-evidence`, {
        method: 'PUT',
        headers: json,
        ...sent(body),
      }),
  },
  {
    method: 'POST',
    path: /^\/rest\/api\/3\/app\/field\/value$/,
    call: (jira, _, query, body) =>
      jira.requestJira(
        route`/rest/api/3/app/field/value?generateChangelog=${param(query, 'generateChangelog', 'false')}`,
        { method: 'POST', headers: json, ...sent(body) },
      ),
  },
];

/** A request body only when there is one: Forge's RequestInit has no room for an explicit `undefined`. */
function sent(body: string | undefined): { body?: string } {
  return body === undefined ? {} : { body };
}

export function forgeJiraAsUser(): JiraRequest {
  return seamOver(() => api.asUser(), ENDPOINTS);
}

/** Reads as the app, never writes: for the Done-transition validator (no user) and re-index queries (all open sprints). */
export function forgeJiraAsApp(): JiraRequest {
  return seamOver(
    () => api.asApp(),
    ENDPOINTS.filter((endpoint) => endpoint.method !== 'PUT'),
  );
}

/**
 * For the board index, which runs on Jira's events and has no user: reads as the app, and writes only the app's
 * own fields and the `ml-lanes-state` property.
 */
export function forgeJiraAsIndexer(): JiraRequest {
  return seamOver(
    () => api.asApp(),
    [...ENDPOINTS.filter((endpoint) => endpoint.method !== 'PUT'), ...INDEX_ENDPOINTS],
  );
}

/**
 * For the evidence consumer (ML tools' deliveries, no user): reads as the app, writes only the app's own fields
 * and the `ml-lanes-evidence` property.
 */
export function forgeJiraAsEvidenceWriter(): JiraRequest {
  return seamOver(
    () => api.asApp(),
    [...EVIDENCE_ENDPOINTS, ...ENDPOINTS.filter((endpoint) => endpoint.method !== 'PUT')],
  );
}

function seamOver(as: () => Jira, endpoints: typeof ENDPOINTS): JiraRequest {
  return async (
    method: HttpMethod,
    path: string,
    body?: unknown,
    init?: JiraRequestInit,
  ): Promise<JiraResponse> => {
    const url = new URL(path, 'https://jira.invalid');
    // The client's signal rides along on every call, so a timeout or a fatal error elsewhere cancels it.
    const jira: Jira = {
      requestJira: (target, options) =>
        as().requestJira(target, { ...options, ...(init?.signal ? { signal: init.signal } : {}) }),
    };
    for (const endpoint of endpoints) {
      const match = endpoint.method === method ? endpoint.path.exec(url.pathname) : null;
      if (match)
        return endpoint.call(
          jira,
          match,
          url.searchParams,
          body === undefined ? undefined : JSON.stringify(body),
        );
    }
    throw new Error(`ML Lanes does not call ${method} ${url.pathname} (add it to src/forge/jira-as-user.ts)`);
  };
}
