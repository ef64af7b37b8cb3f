import { EVIDENCE_FIELD_SPECS, EVIDENCE_FIELDS } from '../../../../src/domain/evidence/evidence-event';
import type { JiraRequest, JiraResponse } from '../../../../src/jira/seam';

/**
 * A tiny Jira for the evidence consumer: issues by key, issue properties, the app's evidence fields and their
 * values. It records every request, so a test can say "nothing reached Jira", and can answer a path with a
 * status a few times (faults).
 */
export interface FakeJira {
  seam: JiraRequest;
  requests: { method: string; path: string; body: unknown }[];
  /** issue id → field id → value */
  fieldValues: Map<string, Map<string, unknown>>;
  properties: Map<string, unknown>;
  /** The next `times` requests whose path contains `pathPart` answer `status`. */
  fail(pathPart: string, status: number, times: number, headers?: Record<string, string>): void;
  valueOf(issueKey: string, moduleKey: string): unknown;
  writes(): number;
}

const ARI = (moduleKey: string) => `ari:cloud:ecosystem::extension/app-1/env-1/static/${moduleKey}`;

export const EVIDENCE_FIELD_IDS = Object.fromEntries(
  EVIDENCE_FIELDS.map((field, index) => [
    EVIDENCE_FIELD_SPECS[field].moduleKey,
    `customfield_${11000 + index}`,
  ]),
) as Record<string, string>;

function response(status: number, body: unknown, headers: Record<string, string> = {}): JiraResponse {
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: { get: (name) => headers[name.toLowerCase()] ?? null },
    text: async () => (body === undefined ? '' : JSON.stringify(body)),
  };
}

export function fakeJira(
  issues: Record<string, string> = { 'ML-42': '10042', 'ML-7': '10007', 'OPS-1': '20001' },
): FakeJira {
  const requests: FakeJira['requests'] = [];
  const fieldValues = new Map<string, Map<string, unknown>>();
  const properties = new Map<string, unknown>();
  const faults: { pathPart: string; status: number; times: number; headers: Record<string, string> }[] = [];
  const idOf = (key: string) => issues[key];
  const fields = [
    { id: 'summary', name: 'Summary', custom: false },
    ...Object.entries(EVIDENCE_FIELD_IDS).map(([moduleKey, id]) => ({
      id,
      name: moduleKey,
      custom: true,
      schema: { type: 'number', custom: ARI(moduleKey) },
    })),
  ];

  const seam: JiraRequest = async (method, path, body) => {
    requests.push({ method, path, body });
    const fault = faults.find((candidate) => candidate.times > 0 && path.includes(candidate.pathPart));
    if (fault) {
      fault.times -= 1;
      return response(fault.status, { errorMessages: [`fault ${fault.status}`] }, fault.headers);
    }
    const url = new URL(path, 'https://jira.invalid');
    const issueMatch = /^\/rest\/api\/3\/issue\/([A-Z0-9_]+-\d+)$/.exec(url.pathname);
    if (method === 'GET' && issueMatch) {
      const key = issueMatch[1]!;
      const id = idOf(key);
      if (!id)
        return response(404, {
          errorMessages: ['Issue does not exist or you do not have permission to see it.'],
        });
      return response(200, { id, key, fields: { project: { key: key.replace(/-\d+$/, '') } } });
    }
    const propertyMatch = /^\/rest\/api\/3\/issue\/([A-Z0-9_]+-\d+)\/properties\/([a-z-]+)$/.exec(
      url.pathname,
    );
    if (propertyMatch) {
      const storeKey = `${propertyMatch[1]}/${propertyMatch[2]}`;
      if (method === 'GET') {
        return properties.has(storeKey)
          ? response(200, { key: propertyMatch[2], value: properties.get(storeKey) })
          : response(404, { errorMessages: ['The property was not found.'] });
      }
      if (method === 'PUT') {
        const size = JSON.stringify(body).length;
        if (size > 32768) return response(400, { errorMessages: ['The property value is too large.'] });
        properties.set(storeKey, JSON.parse(JSON.stringify(body)));
        return response(200, undefined);
      }
    }
    if (method === 'GET' && url.pathname === '/rest/api/3/field') return response(200, fields);
    if (method === 'POST' && url.pathname === '/rest/api/3/app/field/value') {
      const updates = (body as { updates: { customField: string; issueIds: number[]; value: unknown }[] })
        .updates;
      for (const update of updates) {
        for (const issueId of update.issueIds) {
          const values = fieldValues.get(String(issueId)) ?? new Map<string, unknown>();
          values.set(update.customField, update.value);
          fieldValues.set(String(issueId), values);
        }
      }
      return response(204, undefined);
    }
    return response(404, { errorMessages: [`fake Jira has no ${method} ${url.pathname}`] });
  };

  return {
    seam,
    requests,
    fieldValues,
    properties,
    fail(pathPart, status, times, headers = {}) {
      faults.push({ pathPart, status, times, headers });
    },
    valueOf(issueKey, moduleKey) {
      const id = idOf(issueKey);
      return id ? fieldValues.get(id)?.get(EVIDENCE_FIELD_IDS[moduleKey]!) : undefined;
    },
    writes() {
      return requests.filter((request) => request.method !== 'GET').length;
    },
  };
}
