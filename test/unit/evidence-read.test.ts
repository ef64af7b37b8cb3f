/** Reading Label Studio's counters for the forecast: inline in issue bulkfetch, a hundred issues a request. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVIDENCE_PROPERTY_KEY } from '../../src/domain/evidence/evidence-history';
import { JiraClient } from '../../src/jira/client';
import { readEvidenceHistories } from '../../src/jira/evidence-read';
import type { JiraRequest, JiraResponse } from '../../src/jira/seam';
import { cvLabelingEvidence } from '../../src/simulator/workspaces/cv-labeling-evidence';

function response(status: number, body: unknown): JiraResponse {
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: { get: () => null },
    text: async () => JSON.stringify(body),
  };
}

interface BulkFetchBody {
  issueIdsOrKeys: string[];
  fields: string[];
  properties: string[];
}

const SPEC = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/jira-openapi/jira-platform-v3.openapi.json'), 'utf8'),
) as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };

/** Answers each key with `property(key)` as its ml-lanes-evidence (left out when undefined). */
function jira(property: (key: string) => unknown, bodies: BulkFetchBody[] = []): JiraClient {
  const seam: JiraRequest = async (_method, path, body) => {
    expect(path).toBe('/rest/api/3/issue/bulkfetch');
    const request = body as BulkFetchBody;
    bodies.push(request);
    return response(200, {
      issues: request.issueIdsOrKeys
        .filter((key) => key !== 'CV-404')
        .map((key, n) => {
          const value = property(key);
          return {
            id: String(10000 + n),
            key,
            fields: { summary: `Issue ${key}` },
            ...(value === undefined ? {} : { properties: { [EVIDENCE_PROPERTY_KEY]: value } }),
          };
        }),
    });
  };
  return new JiraClient(seam);
}

describe('reading the evidence property for the forecast', () => {
  it('asks bulkfetch for the property inline, a hundred issues a request, as the spec names the fields', async () => {
    const bodies: BulkFetchBody[] = [];
    const keys = Array.from({ length: 150 }, (_, n) => `CV-${n + 1}`);
    const read = await readEvidenceHistories(
      jira(() => undefined, bodies),
      keys,
    );
    expect(bodies.map((body) => body.issueIdsOrKeys.length)).toEqual([100, 50]);
    expect(bodies[0]).toMatchObject({ fields: ['summary'], properties: [EVIDENCE_PROPERTY_KEY] });
    const bean = SPEC.components.schemas['BulkFetchIssueRequestBean']!.properties;
    for (const name of Object.keys(bodies[0]!)) expect(Object.keys(bean)).toContain(name);
    expect(read).toEqual({ histories: new Map(), unread: [] });
  });

  it('reads the stored history, an unreadable one as empty, and names the issues Jira did not return', async () => {
    const stored = JSON.parse(JSON.stringify(cvLabelingEvidence())) as unknown;
    const read = await readEvidenceHistories(
      jira((key) => (key === 'CV-101' ? stored : key === 'CV-102' ? { version: 7 } : undefined)),
      ['CV-101', 'CV-102', 'CV-103', 'CV-404'],
    );
    expect(read.histories.get('CV-101')?.labeling?.[0]).toMatchObject({
      day: '2026-11-27',
      finishedTasks: 812,
    });
    expect(read.histories.get('CV-102')).toEqual({ version: 1, fields: {}, latest: {}, deliveries: [] });
    expect(read.histories.has('CV-103')).toBe(false);
    expect(read.unread).toEqual(['CV-404']);
  });

  it('asks Jira nothing for no issues', async () => {
    const seam: JiraRequest = async () => {
      throw new Error('no request expected');
    };
    expect(await readEvidenceHistories(new JiraClient(seam), [])).toEqual({
      histories: new Map(),
      unread: [],
    });
  });
});
