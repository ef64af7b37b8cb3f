/**
 * The admin page's board setup over real HTTP against the simulator: the JQL for a board's lanes with Jira's
 * verdict on each query (asked as the person looking), which app fields the site has, and "re-index now", which
 * only Jira admins may press (asked of Jira on the server).
 */
import type { IndexJob, IndexQueue } from '../../src/app/index-events';
import { defaultConfig } from '../../src/config/defaults';
import type { BoardSetupView } from '../../src/contract/board-setup-api';
import { createBasicAuthSeam } from '../../src/jira/fetch-seam';
import type { JiraRequest } from '../../src/jira/seam';
import { CV_BOARD_ID, demoSite, type RunningSimulator } from '../../src/simulator';
import { BoardIndexStore } from '../../src/storage/board-index-store';
import { MemoryStore } from '../../src/storage/key-value-store';
import { appOn, ok, simulatorsPerTest, useSimulator, type Account } from './support/harness';

const ADMIN = { email: 'ada@example.com', apiToken: 'admin-token' };
const MEMBER = {
  accountId: 'member-1',
  displayName: 'Sam Rivera',
  emailAddress: 'sam@example.com',
  timeZone: 'UTC',
  admin: false,
  apiToken: 'member-token',
};
const MEMBER_ACCOUNT = { email: MEMBER.emailAddress, apiToken: MEMBER.apiToken };
const WORKSPACE = { ...demoSite(), credentials: ADMIN, otherUsers: [MEMBER] };
const context = { context: { accountId: 'admin-1' } };

const simulator = useSimulator({ workspace: WORKSPACE });
const ownSimulator = simulatorsPerTest();

/** The app with a board index over a memory store and a queue that keeps what it is given. */
function appWithIndex(sim: RunningSimulator, jiraAsUser?: (account: Account) => JiraRequest) {
  const jobs: IndexJob[] = [];
  const queue: IndexQueue = {
    push: async (pushed) => {
      jobs.push(...pushed);
    },
  };
  const index = new BoardIndexStore(new MemoryStore());
  const boardIndex = {
    index,
    queue,
    jiraAsApp: () => createBasicAuthSeam({ site: sim.url, ...ADMIN }),
  };
  // The client's retry waits (503) pass at once.
  const deps = { boardIndex, sleep: async () => undefined };
  const as = (account: Account) =>
    appOn(sim, jiraAsUser ? { ...deps, jiraAsUser: () => jiraAsUser(account) } : deps).as(account);
  return { jobs, index, as };
}

const queriesOf = (view: BoardSetupView) => [...view.swimlanes, ...view.quickFilters, ...view.cardColours];

test("a board's setup: a swimlane per lane of its project, each query valid by the site's /jql/parse", async () => {
  const { as } = appWithIndex(simulator());
  const view = ok(await as(ADMIN).getBoardSetup({ payload: { boardId: CV_BOARD_ID }, ...context }));
  expect(view.board).toMatchObject({ id: CV_BOARD_ID, projectKey: 'CV' });
  expect(view.swimlanes.map((lane) => lane.name)).toEqual([
    ...defaultConfig().lanes.map((lane) => lane.name),
    'No lane',
  ]);
  expect(view.quickFilters.map((filter) => filter.name)).toEqual([
    'Blocked handoffs',
    'DoD incomplete',
    'Ready to start',
  ]);
  expect(queriesOf(view).map((query) => query.verdict.status)).toEqual(queriesOf(view).map(() => 'valid'));
  expect(view.jqlProblem).toBeNull();
  expect(view.cardFields).toEqual([
    { role: 'lane', name: 'ML lane', state: 'present', fieldId: 'customfield_10950' },
    { role: 'handoff', name: 'ML handoff', state: 'present', fieldId: 'customfield_10951' },
    { role: 'dod', name: 'ML DoD progress', state: 'present', fieldId: 'customfield_10952' },
  ]);
  expect(view.fieldProblems).toEqual([]);
  expect(view.canReindex).toBe(true);
  expect(view.index).toMatchObject({ lastFullReindexAt: null, issuesIndexed: 0 });
});

test("Jira's verdict comes back per query, in Jira's words", async () => {
  const refusal =
    "Field 'issue.property[ml-lanes-state].dodComplete' does not exist or you do not have permission to view it.";
  const sim = simulator();
  // Jira as the admin, except that /jql/parse refuses the clauses on dodComplete (as a site without the index would).
  const jiraAsUser = (account: Account): JiraRequest => {
    const real = createBasicAuthSeam({ site: sim.url, ...account });
    return async (method, path, body, init) => {
      if (!path.startsWith('/rest/api/3/jql/parse')) return real(method, path, body, init);
      const { queries } = body as { queries: string[] };
      const text = JSON.stringify({
        queries: queries.map((query) =>
          query.includes('dodComplete') ? { query, errors: [refusal] } : { query, structure: [] },
        ),
      });
      return { status: 200, ok: true, headers: { get: () => null }, text: async () => text };
    };
  };
  const { as } = appWithIndex(sim, jiraAsUser);
  const view = ok(await as(ADMIN).getBoardSetup({ payload: { boardId: CV_BOARD_ID }, ...context }));
  expect(view.quickFilters.find((filter) => filter.id === 'dod-incomplete')!.verdict).toEqual({
    status: 'invalid',
    errors: [refusal],
    warnings: [],
  });
  expect(view.quickFilters.find((filter) => filter.id === 'blocked')!.verdict).toEqual({
    status: 'valid',
    warnings: [],
  });
  expect(view.cardColours.find((colour) => colour.id === 'done-dod-incomplete')!.verdict.status).toBe(
    'invalid',
  );
  expect(view.swimlanes.every((lane) => lane.verdict.status === 'valid')).toBe(true);
});

test('when Jira cannot check the queries, the setup still comes, unchecked, saying why', async () => {
  const sim = simulator();
  const jiraAsUser = (account: Account): JiraRequest => {
    const real = createBasicAuthSeam({ site: sim.url, ...account });
    return async (method, path, body, init) =>
      path.startsWith('/rest/api/3/jql/parse')
        ? { status: 503, ok: false, headers: { get: () => null }, text: async () => '{}' }
        : real(method, path, body, init);
  };
  const { as } = appWithIndex(sim, jiraAsUser);
  const view = ok(await as(ADMIN).getBoardSetup({ payload: { boardId: CV_BOARD_ID }, ...context }));
  expect(queriesOf(view).every((query) => query.verdict.status === 'unchecked')).toBe(true);
  expect(view.jqlProblem).toMatch(/^Jira did not check the queries: /);
  expect(view.swimlanes).toHaveLength(defaultConfig().lanes.length + 1);
});

test('app fields the site lacks are named, with what to do', async () => {
  const sim = await ownSimulator({ workspace: WORKSPACE, appFields: ['ml-lanes-lane'] });
  const { as } = appWithIndex(sim);
  const view = ok(await as(ADMIN).getBoardSetup({ payload: { boardId: CV_BOARD_ID }, ...context }));
  expect(view.cardFields.map((field) => [field.name, field.state])).toEqual([
    ['ML lane', 'present'],
    ['ML handoff', 'missing'],
    ['ML DoD progress', 'missing'],
  ]);
  expect(view.fieldProblems).toHaveLength(2);
  expect(view.fieldProblems[0]).toMatch(/handoff.*not on this site: deploy ML Lanes here/);
});

test('re-index now is refused to someone who is not a Jira admin, and nothing is queued', async () => {
  const { as, jobs, index } = appWithIndex(simulator());
  const view = ok(await as(MEMBER_ACCOUNT).getBoardSetup({ payload: { boardId: CV_BOARD_ID }, ...context }));
  expect(view.canReindex).toBe(false);
  const result = await as(MEMBER_ACCOUNT).reindexBoardIndex({ payload: {}, ...context });
  expect(result).toEqual({
    ok: false,
    error: { code: 'forbidden', message: 'Only Jira administrators can re-index the board index.' },
  });
  expect(jobs).toEqual([]);
  expect((await index.status()).lastFullReindexAt).toBeNull();
});

test('re-index now queues every open-sprint issue, says how many, and the status shows when', async () => {
  const { as, jobs } = appWithIndex(simulator());
  const result = ok(await as(ADMIN).reindexBoardIndex({ payload: {}, ...context }));
  const queued = jobs.flatMap((job) => job.issueIds);
  expect(result.issuesQueued).toBeGreaterThan(0);
  expect(queued).toHaveLength(result.issuesQueued);
  expect(result).toMatchObject({ complete: true, jobs: jobs.length });
  expect(result.index.lastFullReindexAt).toEqual(expect.any(String));
  const view = ok(await as(ADMIN).getBoardSetup({ payload: { boardId: CV_BOARD_ID }, ...context }));
  expect(view.index?.lastFullReindexAt).toBe(result.index.lastFullReindexAt);
});

test('a host without a board index shows no status and cannot re-index', async () => {
  const app = appOn(simulator());
  const view = ok(await app.as(ADMIN).getBoardSetup({ payload: { boardId: CV_BOARD_ID }, ...context }));
  expect(view.index).toBeNull();
  expect(view.canReindex).toBe(false);
  const result = await app.as(ADMIN).reindexBoardIndex({ payload: {}, ...context });
  expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
});

test('a malformed board id is a bad request naming the field', async () => {
  const { as } = appWithIndex(simulator());
  const result = await as(ADMIN).getBoardSetup({ payload: { boardId: 'CV' }, ...context });
  expect(result).toMatchObject({
    ok: false,
    error: { code: 'bad-request', message: expect.stringContaining('boardId') },
  });
});

test('a saved configuration puts its project’s open-sprint issues on the index queue, and says how many', async () => {
  const { jobs, as } = appWithIndex(simulator());
  const app = as(ADMIN);
  const before = ok(await app.getConfig({ payload: { projectKey: 'CV' }, ...context }));
  expect(before.reindex).toBeNull();
  const saved = ok(
    await app.saveConfig({
      payload: { projectKey: 'CV', baseRevision: before.revision, config: defaultConfig() },
      ...context,
    }),
  );
  const queued = jobs.flatMap((job) => job.issueIds);
  expect(saved.reindex).toEqual({ queued: queued.length, complete: true });
  expect(queued.length).toBeGreaterThan(0);
  // Only the project's issues: the demo's other project (REC) is left alone.
  const keys = await keysOf(simulator(), queued);
  expect(keys.every((key) => key.startsWith('CV-'))).toBe(true);
});

test('a saved configuration stays saved when the index queue refuses, and the answer says why', async () => {
  const refusing = appOn(simulator(), {
    boardIndex: {
      index: new BoardIndexStore(new MemoryStore()),
      queue: { push: async () => Promise.reject(new Error('the queue is over its rate limit')) },
      jiraAsApp: () => createBasicAuthSeam({ site: simulator().url, ...ADMIN }),
    },
  }).as(ADMIN);
  const before = ok(await refusing.getConfig({ payload: { projectKey: 'CV' }, ...context }));
  const saved = ok(
    await refusing.saveConfig({
      payload: { projectKey: 'CV', baseRevision: before.revision, config: defaultConfig() },
      ...context,
    }),
  );
  expect(saved.reindex).toEqual({ failed: 'the queue is over its rate limit' });
  expect(saved.revision).toBe(before.revision + 1);
});

async function keysOf(sim: RunningSimulator, ids: string[]): Promise<string[]> {
  const response = await createBasicAuthSeam({ site: sim.url, ...ADMIN })(
    'POST',
    '/rest/api/3/issue/bulkfetch',
    {
      issueIdsOrKeys: ids,
      fields: ['summary'],
    },
  );
  const page = JSON.parse(await response.text()) as { issues: { key: string }[] };
  return page.issues.map((issue) => issue.key);
}
