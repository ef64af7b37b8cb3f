import {
  CV_FIELDS,
  CV_SPRINTS,
  DEMO_NOW,
  demoSite,
  startSimulator,
  syntheticWorkspace,
  type RunningSimulator,
} from '../../src/simulator';
import { allPages, arr, call, obj, searchJql } from './http';
import { resolvedAt } from './history-truth';

/** /search/jql: token paging, page caps, the JQL subset, hidden issues; the removed /search. */

const keysOf = (pages: Record<string, unknown>[]) =>
  pages.flatMap((p) => arr(p.issues).map((i) => obj(i).key));
const idsOf = (pages: Record<string, unknown>[]) => pages.flatMap((p) => arr(p.issues).map((i) => obj(i).id));

describe('token paging', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ workspace: demoSite(), maxSearchPageSize: 10 });
  });
  afterAll(() => sim.close());

  test('pages of at most maxSearchPageSize, nextPageToken absent on the last page, no total', async () => {
    const pages = await allPages(sim, {
      jql: `sprint = ${CV_SPRINTS.active}`,
      maxResults: 1000,
      fields: ['summary'],
    });
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      const last = i === pages.length - 1;
      expect(page.isLast).toBe(last);
      expect('nextPageToken' in page).toBe(!last);
      expect(page).not.toHaveProperty('total');
      expect(arr(page.issues).length).toBeLessThanOrEqual(10);
    });
    const keys = keysOf(pages);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('CV-101');
    expect(keys).toContain('CV-102'); // sub-tasks follow their parent's sprint
    expect(keys).not.toContain('CV-131'); // next sprint
  });

  test('ids only by default; fields only when asked for', async () => {
    const ids = obj((await searchJql(sim, { jql: 'project = CV', maxResults: 2 })).json);
    expect(arr(ids.issues)[0]).toEqual({ id: expect.any(String) });
    const withFields = obj(
      (await searchJql(sim, { jql: 'project = CV', maxResults: 2, fields: ['summary', 'labels'] })).json,
    );
    expect(Object.keys(obj(obj(arr(withFields.issues)[0]).fields)).sort()).toEqual(['labels', 'summary']);
  });

  test('a token from another query is refused', async () => {
    const first = obj((await searchJql(sim, { jql: 'project = CV' })).json);
    const answer = await searchJql(sim, { jql: 'project = REC', nextPageToken: first.nextPageToken });
    expect(answer.status).toBe(400);
  });

  test('GET /search/jql pages the same way', async () => {
    const first = await call(
      sim,
      'GET',
      `/rest/api/3/search/jql?jql=${encodeURIComponent('project = CV')}&maxResults=5`,
    );
    const page = obj(first.json);
    expect(arr(page.issues)).toHaveLength(5);
    const second = await call(
      sim,
      'GET',
      `/rest/api/3/search/jql?jql=${encodeURIComponent('project = CV')}&nextPageToken=${encodeURIComponent(String(page.nextPageToken))}`,
    );
    expect(obj(arr(obj(second.json).issues)[0]).id).not.toBe(obj(arr(page.issues)[0]).id);
  });
});

describe("Jira's own page caps", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ workspace: syntheticWorkspace({ issues: 6000, seed: 3 }) });
  });
  afterAll(() => sim.close());

  test('5,000 ids per page, 100 issues with fields, whatever maxResults says', async () => {
    const ids = obj((await searchJql(sim, { jql: 'sprint = 11', maxResults: 10000 })).json);
    expect(arr(ids.issues)).toHaveLength(5000);
    const withFields = obj(
      (await searchJql(sim, { jql: 'sprint = 11', maxResults: 10000, fields: ['summary'] })).json,
    );
    expect(arr(withFields.issues)).toHaveLength(100);
    const pages = await allPages(sim, { jql: 'sprint = 11', maxResults: 5000 });
    expect(idsOf(pages)).toHaveLength(6000);
    expect(pages).toHaveLength(2);
  });
});

describe('JQL subset and visibility', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ workspace: demoSite() });
  });
  afterAll(() => sim.close());

  const keys = async (jql: string) =>
    keysOf([obj((await searchJql(sim, { jql, fields: ['summary'] })).json)]);

  test.each([
    [`sprint = ${CV_SPRINTS.active} AND project = CV ORDER BY Rank ASC`, 'CV-101'],
    [`sprint in (${CV_SPRINTS.next}, 203)`, 'CV-131'],
    ['key in (CV-105, REC-12)', 'REC-12'],
    ['issuekey in ("CV-105")', 'CV-105'],
    ['issuekey = cv-105', 'CV-105'],
    ['project = "REC" order by key desc', 'REC-11'],
    ['sprint = "CV Sprint 15"', 'CV-131'],
  ])('%s', async (jql, expected) => {
    expect(await keys(jql)).toContain(expected);
  });

  test('results come in rank (workspace) order', async () => {
    expect(await keys('key in (CV-105, CV-101, CV-104)')).toEqual(['CV-101', 'CV-104', 'CV-105']);
  });

  test('issues the user cannot browse, and vanished ones, never appear', async () => {
    const found = await keys(`sprint = ${CV_SPRINTS.active}`);
    expect(found).not.toContain('CV-140');
    expect(await keys('project = CV')).not.toContain('CV-141');
  });

  test.each([
    ['labels = data', /Field 'labels'/],
    ['(sprint = 102 OR project = CV) AND status = Done', /Parenthesised/],
    ['sprint in closedSprints()', /functions/],
    ['sprint != 102', /Operator '!='/],
    ['sprint = 9999', /The value '9999' does not exist for the field 'sprint'/],
    ['project = NOPE', /does not exist for the field 'project'/],
    ['key in (CV-105, CV-140)', /An issue with key 'CV-140' does not exist/],
    ['order by rank', /Unbounded JQL/],
    ['', /Unbounded JQL/],
    ['sprint = ', /Expecting a value/],
    ['sprint = 102 project = CV', /Expecting either 'OR' or 'AND'/],
  ])('400 for %j', async (jql, message) => {
    const answer = await searchJql(sim, { jql });
    expect(answer.status).toBe(400);
    const body = obj(answer.json);
    expect(body.errors).toEqual({});
    expect(arr(body.errorMessages).join(' ')).toMatch(message);
  });

  test('extra request fields are tolerated', async () => {
    const answer = await searchJql(sim, {
      jql: 'project = CV',
      expand: 'names',
      reconcileIssues: [1],
      fieldsByKeys: false,
    });
    expect(answer.status).toBe(200);
  });

  test('the sprint field is an array of sprints; story points come from the board’s estimation field', async () => {
    const body = obj(
      (
        await searchJql(sim, {
          jql: 'key = CV-101',
          fields: [CV_FIELDS.sprint, CV_FIELDS.storyPointEstimate],
        })
      ).json,
    );
    const fields = obj(obj(arr(body.issues)[0]).fields);
    expect(arr(fields[CV_FIELDS.sprint]).map((s) => obj(s).name)).toEqual([
      'CV Sprint 13',
      'CV Sprint 14 — classifier v1.1',
    ]);
    expect(fields[CV_FIELDS.storyPointEstimate]).toBe(8);
  });
});

describe('the forecast’s queries on the demo site', () => {
  let sim: RunningSimulator;
  const demo = demoSite();
  beforeAll(async () => {
    sim = await startSimulator({ workspace: demo });
  });
  afterAll(() => sim.close());

  const keys = async (jql: string) =>
    keysOf(await allPages(sim, { jql, fields: ['summary'], maxResults: 100 })).map(String);
  /** Done CV issues resolved at or after `from` (epoch ms), by the changelogs. */
  const doneSince = (from: number) =>
    demo.issues
      .filter((issue) => issue.projectKey === 'CV' && issue.visibleToUser !== false && !issue.vanished)
      .filter((issue) => (resolvedAt(issue) ?? -Infinity) >= from)
      .map((issue) => issue.key);

  test('done work of the board’s project resolved since a date (midnight in the user’s time zone)', async () => {
    const found = await keys('project = CV AND statusCategory = Done AND resolved >= "2026-09-01"');
    expect(found.sort()).toEqual(doneSince(Date.parse('2026-08-31T22:00:00.000Z')).sort());
    expect(found.length).toBeGreaterThan(100);
    expect(found).toContain('CV-112');
    expect(found).not.toContain('CV-105');
  });

  test('a period counts back from the site’s clock: -90d is the same as the date 90 days before it', async () => {
    const from = Date.parse(DEMO_NOW) - 90 * 86400_000;
    const found = await keys('project = CV AND statusCategory = Done AND resolved >= -90d');
    expect(found.sort()).toEqual(doneSince(from).sort());
    expect(found.length).toBeLessThan(
      (await keys('project = CV AND statusCategory = Done AND resolved >= "2026-08-01"')).length,
    );
  });

  test('bugs of the project, with the done work they were found in', async () => {
    const bugs = await allPages(sim, {
      jql: 'project = CV AND issuetype = Bug AND created >= -120d',
      fields: ['issuelinks', 'created', 'issuetype'],
      maxResults: 100,
    });
    const issues = bugs.flatMap((page) => arr(page.issues).map(obj));
    expect(issues.length).toBeGreaterThan(3);
    const escaped = issues.filter((bug) =>
      arr(obj(bug.fields).issuelinks).some((link) => obj(obj(link).type).name === 'Relates'),
    );
    expect(escaped.length).toBeGreaterThanOrEqual(issues.length - 2);
    for (const bug of issues) expect(obj(obj(bug.fields).issuetype).name).toBe('Bug');
  });

  test.each([
    ['statusCategory in (new, "In Progress")', 'CV-105', 'CV-112'],
    ['status != Done AND project = CV', 'CV-101', 'CV-112'],
    ['status not in ("To Do", Done) AND project = CV', 'CV-104', 'CV-105'],
    ['project = CV AND resolution is EMPTY', 'CV-105', 'CV-112'],
    ['project = CV AND resolution = Done', 'CV-112', 'CV-105'],
    ['project = CV AND type in (Bug, Spike) AND created <= "2026/11/30 12:00"', 'CV-107', 'CV-105'],
    ['project = CV AND updated > -1w', 'CV-112', 'CV-132'],
  ])('%s', async (jql, included, excluded) => {
    const found = await keys(jql);
    expect(found).toContain(included);
    expect(found).not.toContain(excluded);
  });

  test.each([
    ['resolved >= "2026-13-01"', /Date value '2026-13-01' for field 'resolved' is invalid/],
    ['resolved >= "2026-02-30"', /Date value '2026-02-30'/],
    ['resolved >= yesterday', /Date value 'yesterday'/],
    ['resolved >= startOfDay(-90d)', /functions/],
    ['resolved ~ "2026-09-01"', /Operator '~'/],
    ['statusCategory = Doing', /The value 'Doing' does not exist for the field 'statusCategory'/],
    ['issuetype = Epicc', /The value 'Epicc' does not exist for the field 'issuetype'/],
    ['status > Done', /Operator '>'/],
    ['resolution = Fixed', /The value 'Fixed' does not exist for the field 'resolution'/],
    ['project = CV AND NOT status = Done', /'NOT'/],
    ['resolved is yesterday', /Expecting 'EMPTY'/],
  ])('400 for %j', async (jql, message) => {
    const answer = await searchJql(sim, { jql });
    expect(answer.status).toBe(400);
    expect(arr(obj(answer.json).errorMessages).join(' ')).toMatch(message);
  });
});

describe('the removed /rest/api/3/search', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ workspace: demoSite() });
  });
  afterAll(() => sim.close());

  test.each(['GET', 'POST'] as const)('%s answers 410 Gone', async (method) => {
    const answer = await call(
      sim,
      method,
      '/rest/api/3/search?jql=project%3DCV',
      method === 'POST' ? { jql: 'project = CV' } : undefined,
    );
    expect(answer.status).toBe(410);
    expect(arr(obj(answer.json).errorMessages)[0]).toMatch(/search\/jql/);
  });
});
