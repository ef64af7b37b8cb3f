import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CV_FIELDS, demoSite, startSimulator, type RunningSimulator } from '../../src/simulator';
import { arr, bulkfetch, call, obj } from './http';

/** Link direction, hidden and vanished issues, bulkfetch limits, issue properties. */

const REAL = join(__dirname, '..', 'fixtures', 'jira-real', 'jirametrics');
const realIssue = (key: string) =>
  JSON.parse(readFileSync(join(REAL, `${key}.json`), 'utf8')) as Record<string, unknown>;

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ workspace: demoSite() });
});
afterAll(() => sim.close());

async function fetchIssues(keys: string[], fields = ['issuelinks', 'summary']) {
  const body = obj((await bulkfetch(sim, { issueIdsOrKeys: keys, fields })).json);
  return new Map(arr(body.issues).map((i) => [String(obj(i).key), obj(obj(i).fields)]));
}

function blocksLinks(fields: Record<string, unknown>) {
  return arr(fields.issuelinks)
    .map(obj)
    .filter((l) => obj(l.type).name === 'Blocks')
    .map((l) => ({
      side: 'outwardIssue' in l ? 'outwardIssue' : 'inwardIssue',
      key: obj(l.outwardIssue ?? l.inwardIssue).key,
    }));
}

describe('link direction', () => {
  test('the real recordings: SP-14 blocks SP-15', () => {
    const link14 = obj(arr(obj(realIssue('SP-14').fields).issuelinks)[0]);
    const link15 = arr(obj(realIssue('SP-15').fields).issuelinks)
      .map(obj)
      .find((l) => obj(l.type).name === 'Blocks');
    expect(obj(link14.outwardIssue).key).toBe('SP-15');
    expect(obj(obj(link15).inwardIssue).key).toBe('SP-14');
    expect(link14.id).toBe(obj(link15).id);
  });

  test('mirrored the same way: CV-101 blocks CV-105', async () => {
    const issues = await fetchIssues(['CV-101', 'CV-105']);
    // Like SP-14: the blocking issue lists the blocked one as outwardIssue.
    expect(blocksLinks(obj(issues.get('CV-101')))).toContainEqual({ side: 'outwardIssue', key: 'CV-105' });
    // Like SP-15: the blocked issue lists the blocker as inwardIssue.
    expect(blocksLinks(obj(issues.get('CV-105')))).toContainEqual({ side: 'inwardIssue', key: 'CV-101' });
    const id101 = arr(obj(issues.get('CV-101')).issuelinks)
      .map(obj)
      .find((l) => obj(l.outwardIssue ?? {}).key === 'CV-105')?.id;
    const id105 = arr(obj(issues.get('CV-105')).issuelinks)
      .map(obj)
      .find((l) => obj(l.inwardIssue ?? {}).key === 'CV-101')?.id;
    expect(id101).toBeDefined();
    expect(id101).toBe(id105);
  });

  test('links to issues the user cannot browse are left out entirely', async () => {
    const issues = await fetchIssues(['CV-122']);
    expect(arr(obj(issues.get('CV-122')).issuelinks)).toEqual([]);
  });

  test('a vanished issue still shows in links, but bulkfetch cannot return it', async () => {
    const issues = await fetchIssues(['CV-123']);
    expect(blocksLinks(obj(issues.get('CV-123')))).toEqual([{ side: 'inwardIssue', key: 'CV-141' }]);
    // As Atlassian's spec says: issues not found or not browsable are in neither list.
    const body = obj(
      (await bulkfetch(sim, { issueIdsOrKeys: ['CV-141', 'CV-140', 'NOPE-7', '99999', 'CV-123'] })).json,
    );
    expect(arr(body.issues).map((i) => obj(i).key)).toEqual(['CV-123']);
    expect(body.issueErrors).toEqual([]);
  });

  test('missingInBulkfetch: "issueErrors" lists unreadable ids there instead', async () => {
    const loud = await startSimulator({ workspace: demoSite(), missingInBulkfetch: 'issueErrors' });
    try {
      const body = obj((await bulkfetch(loud, { issueIdsOrKeys: ['CV-141', 'CV-101'] })).json);
      expect(arr(body.issues)).toHaveLength(1);
      expect(body.issueErrors).toEqual([{ id: 'CV-141', errorMessage: expect.any(String) }]);
    } finally {
      await loud.close();
    }
  });
});

describe('bulkfetch', () => {
  test('more than 100 ids is a 400; none is a 400', async () => {
    const keys = Array.from({ length: 101 }, (_, i) => `CV-${i + 1}`);
    expect((await bulkfetch(sim, { issueIdsOrKeys: keys })).status).toBe(400);
    expect((await bulkfetch(sim, { issueIdsOrKeys: keys.slice(0, 100) })).status).toBe(200);
    expect((await bulkfetch(sim, {})).status).toBe(400);
    expect(
      (await bulkfetch(sim, { issueIdsOrKeys: ['CV-101'], properties: ['a', 'b', 'c', 'd', 'e', 'f'] }))
        .status,
    ).toBe(400);
  });

  test('ids and keys mix; only requested fields; parent, options and properties', async () => {
    const body = obj(
      (
        await bulkfetch(sim, {
          issueIdsOrKeys: ['10102', 'CV-105', 'CV-104'],
          fields: ['summary', 'parent', CV_FIELDS.riskTier, CV_FIELDS.modelAccuracy],
          properties: ['ml-lanes-dod'],
        })
      ).json,
    );
    const [subtask, train, bug] = arr(body.issues).map(obj);
    expect(obj(subtask).key).toBe('CV-102');
    expect(obj(obj(obj(subtask).fields).parent)).toMatchObject({
      key: 'CV-101',
      fields: { summary: expect.any(String) },
    });
    expect(obj(obj(train).fields)).toEqual({
      summary: 'Train v1.1 model with focal loss and rebalanced sampler',
      [CV_FIELDS.riskTier]: { self: expect.any(String), value: 'Tier 2', id: expect.any(String) },
      [CV_FIELDS.modelAccuracy]: null,
    });
    expect(obj(train).properties).toEqual({});
    expect(obj(bug).properties).toEqual({ 'ml-lanes-dod': { checked: { reviewed: true } } });
  });

  test('summaries with markup come back verbatim', async () => {
    const issues = await fetchIssues(['CV-111']);
    expect(obj(issues.get('CV-111')).summary).toBe(
      'Demo of safe display: this title holds markup, <b>bold</b> and <script>alert(1)</script>, shown as text',
    );
  });
});

describe('issue properties', () => {
  const path = (key: string, prop: string) => `/rest/api/3/issue/${key}/properties/${prop}`;

  test('404 when unset, 201 on create, 200 on replace, then readable (also through bulkfetch)', async () => {
    expect((await call(sim, 'GET', path('CV-113', 'ml-lanes-dod'))).status).toBe(404);
    expect(
      (await call(sim, 'PUT', path('CV-113', 'ml-lanes-dod'), { checked: { reviewed: false } })).status,
    ).toBe(201);
    expect(
      (await call(sim, 'PUT', path('CV-113', 'ml-lanes-dod'), { checked: { reviewed: true } })).status,
    ).toBe(200);
    const got = await call(sim, 'GET', path('10113', 'ml-lanes-dod'));
    expect(got.json).toEqual({ key: 'ml-lanes-dod', value: { checked: { reviewed: true } } });
    const body = obj(
      (
        await bulkfetch(sim, {
          issueIdsOrKeys: ['CV-113'],
          fields: ['summary'],
          properties: ['ml-lanes-dod'],
        })
      ).json,
    );
    expect(obj(arr(body.issues)[0]).properties).toEqual({ 'ml-lanes-dod': { checked: { reviewed: true } } });
  });

  test('404 for issues the user cannot see or that vanished', async () => {
    expect((await call(sim, 'PUT', path('CV-140', 'x'), { a: 1 })).status).toBe(404);
    expect((await call(sim, 'GET', path('CV-141', 'x'))).status).toBe(404);
  });

  test('a workspace’s properties are not changed by PUTs (each simulator starts fresh)', async () => {
    await call(sim, 'PUT', path('CV-104', 'ml-lanes-dod'), { checked: {} });
    const fresh = await startSimulator({ workspace: demoSite() });
    try {
      const got = await call(fresh, 'GET', path('CV-104', 'ml-lanes-dod'));
      expect(got.json).toEqual({ key: 'ml-lanes-dod', value: { checked: { reviewed: true } } });
    } finally {
      await fresh.close();
    }
  });
});
