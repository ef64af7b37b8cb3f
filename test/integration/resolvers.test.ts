/** The resolvers' promises to the panel: typed errors a person can act on, partial plans, small responses. */
import { createBasicAuthSeam } from '../../src/jira/fetch-seam';
import type { ResolverDeps } from '../../src/resolvers';
import {
  CV_BOARD_ID,
  demoSite,
  EDGE_BOARD_ID,
  SYNTHETIC_BOARD_ID,
  syntheticWorkspace,
  type SimulatorOptions,
} from '../../src/simulator';
import { appOn, simulatorsPerTest } from './support/harness';

const AUTH = { email: 'sm@example.com', apiToken: 'sm-token' };
const simulate = simulatorsPerTest();

async function resolversOn(options: Partial<SimulatorOptions> = {}, deps: Partial<ResolverDeps> = {}) {
  const simulator = await simulate({ workspace: { ...demoSite(), credentials: AUTH }, ...options });
  return { simulator, functions: appOn(simulator, deps).as(AUTH) };
}

const boardAction = (boardId: number | string) => ({
  extension: { type: 'jira:boardAction', board: { id: boardId } },
});

describe('getPlan', () => {
  it('plans the active sprint of the board the action was opened on', async () => {
    const { functions } = await resolversOn();
    const result = await functions.getPlan({ payload: {}, context: boardAction(CV_BOARD_ID) });
    expect(result).toMatchObject({
      ok: true,
      data: { scope: { boardId: CV_BOARD_ID, sprintState: 'active' } },
    });
  });

  it('names a malformed board id instead of asking Jira', async () => {
    const { functions, simulator } = await resolversOn();
    const result = await functions.getPlan({ payload: { boardId: '1; DROP' }, context: {} });
    expect(result).toEqual({
      ok: false,
      error: { code: 'bad-request', message: 'invalid request: boardId: expected a numeric id' },
    });
    expect(simulator.stats().requests).toBe(0);
  });

  it('rejects payload fields it does not know', async () => {
    const { functions } = await resolversOn();
    const result = await functions.getPlan({ payload: { boardId: 1, jql: 'project = HR' }, context: {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('says plainly when no board was given', async () => {
    const { functions } = await resolversOn();
    const result = await functions.getPlan({
      payload: {},
      context: { extension: { type: 'jira:projectPage' } },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringMatching(/pick a board/) },
    });
  });

  it('reports a sprint that no longer exists', async () => {
    const { functions } = await resolversOn();
    const result = await functions.getPlan({
      payload: {},
      context: { extension: { board: { id: CV_BOARD_ID }, sprint: { id: 4040 } } },
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'Sprint 4040 not found (or you cannot see it)' },
    });
  });

  it('explains why a kanban board has nothing to plan', async () => {
    const { functions } = await resolversOn();
    const result = await functions.getPlan({ payload: {}, context: boardAction(EDGE_BOARD_ID) });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'no-sprints', message: expect.stringMatching(/kanban board/) },
    });
  });

  it('turns a 429 storm longer than the time budget into "rate-limited, retry in N s"', async () => {
    const { functions, simulator } = await resolversOn(
      {},
      { timeBudgetMs: 5_000, sleep: async () => undefined },
    );
    simulator.injectFaults({ status: 429, retryAfterSeconds: 30, times: 50 });
    const result = await functions.getPlan({ payload: {}, context: boardAction(CV_BOARD_ID) });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'rate-limited',
        message: 'Jira is rate-limiting requests from ML Lanes.',
        retryAfterSeconds: 30,
      },
    });
  });

  it('rides out a short 429 burst and answers normally', async () => {
    const { functions, simulator } = await resolversOn({}, { sleep: async () => undefined });
    simulator.injectFaults({ status: 429, retryAfterSeconds: 1, times: 2 });
    const result = await functions.getPlan({ payload: {}, context: boardAction(CV_BOARD_ID) });
    expect(result.ok).toBe(true);
  });

  it('shows what it has and says what is missing when time runs out', async () => {
    let now = 0;
    let bulkFetches = 0;
    const simulator = await simulate({ workspace: { ...demoSite(), credentials: AUTH } });
    const functions = appOn(simulator, {
      now: () => now,
      timeBudgetMs: 1_000,
      jiraAsUser: () => {
        const seam = createBasicAuthSeam({ site: simulator.url, ...AUTH });
        return async (method, path, body) => {
          const response = await seam(method, path, body);
          // Forge's clock runs out right after the sprint's own issues arrive.
          if (path.endsWith('/bulkfetch') && ++bulkFetches === 1) now = 5_000;
          return response;
        };
      },
    }).as(AUTH);
    const result = await functions.getPlan({ payload: {}, context: boardAction(CV_BOARD_ID) });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.summary.issues).toBeGreaterThan(20);
    expect(result.data.issues.every((issue) => issue.inScope)).toBe(true);
    expect(result.data.warnings).toEqual([
      expect.stringMatching(
        /^\d+ linked issues outside the sprint could not be loaded in time; their handoffs are not shown$/,
      ),
    ]);
    expect(result.data.handoffs.some((handoff) => handoff.reasons.includes('upstream-hidden'))).toBe(false);
  });

  it('keeps a 1,000-issue sprint well under 1 MB', async () => {
    const { functions } = await resolversOn({
      workspace: { ...syntheticWorkspace({ issues: 1000 }), credentials: AUTH },
    });
    const result = await functions.getPlan({ payload: {}, context: boardAction(SYNTHETIC_BOARD_ID) });
    expect(result.ok).toBe(true);
    // About 560 KB with ~1,060 issues and 730 handoffs; the bench prints the figure.
    expect(Buffer.byteLength(JSON.stringify(result))).toBeLessThan(768 * 1024);
  });
});

describe('listBoards', () => {
  it('validates the project key', async () => {
    const { functions } = await resolversOn();
    expect(await functions.listBoards({ payload: { projectKey: 'cv; x' }, context: {} })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
  });
});
