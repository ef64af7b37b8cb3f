/**
 * A board whose history is too large for one resolver call: the resolver hands it to a background read (a Forge
 * async event, here a queue that records what was pushed), the consumer reads it as the person who asked and
 * stores it, and the next getForecast forecasts from it.
 */
import { BACKGROUND_READ_ABOVE_DONE_ISSUES } from '../../src/app/background-history';
import type { HistoryReadEvent, HistoryReadQueue } from '../../src/app/history-read-event';
import { readHistoryInBackground } from '../../src/app/read-history-in-background';
import type { ForecastAnswer, ForecastView } from '../../src/contract/forecast-view';
import { createBasicAuthSeam } from '../../src/jira/fetch-seam';
import type { JiraRequest } from '../../src/jira/seam';
import { createResolverFunctions } from '../../src/resolvers';
import {
  SYNTHETIC_BOARD_ID,
  SYNTHETIC_NOW,
  SYNTHETIC_SPRINTS,
  syntheticHistoryWorkspace,
} from '../../src/simulator';
import { ConfigRepository } from '../../src/storage/config-repository';
import { HistoryCache } from '../../src/storage/history-cache';
import { HistoryReadMarkers, PENDING_MAX_AGE_MS } from '../../src/storage/history-read-marker';
import { MemoryStore } from '../../src/storage/key-value-store';
import { ok, simulatorsPerTest } from './support/harness';

const ADMIN = { email: 'sm@example.com', apiToken: 'sm-token', accountId: 'sm-account' };
const OTHER = {
  accountId: '712020:sam',
  displayName: 'Sam Rivera',
  emailAddress: 'sam@example.com',
  timeZone: 'Europe/Lisbon',
  admin: false,
  apiToken: 'sam-token',
};
const CHANGELOGS = 'POST /rest/api/3/changelog/bulkfetch';
const DONE_ISSUES = BACKGROUND_READ_ABOVE_DONE_ISSUES + 500;

const startSimulator = simulatorsPerTest();

class RecordingQueue implements HistoryReadQueue {
  readonly pushed: HistoryReadEvent[] = [];
  async push(event: HistoryReadEvent): Promise<void> {
    this.pushed.push(event);
  }
}

async function setUp(workspace = syntheticHistoryWorkspace({ doneIssues: DONE_ISSUES, seed: 3 })) {
  const simulator = await startSimulator({
    workspace: { ...workspace, credentials: ADMIN, otherUsers: [OTHER] },
  });
  const store = new MemoryStore();
  const configs = new ConfigRepository(new MemoryStore());
  const queue = new RecordingQueue();
  let clock = Date.parse(SYNTHETIC_NOW);
  const now = () => clock;
  const markers = new HistoryReadMarkers(store, now);
  const cache = new HistoryCache(store, now);
  const seamAs = (account: { email: string; apiToken: string }): JiraRequest =>
    createBasicAuthSeam({ site: simulator.url, ...account });
  // Forge's context.accountId is the account Jira answers as.
  const me = await seamAs(ADMIN)('GET', '/rest/api/3/myself');
  const accountId = (JSON.parse(await me.text()) as { accountId: string }).accountId;
  const functions = createResolverFunctions({
    jiraAsUser: () => seamAs(ADMIN),
    configs,
    historyCache: cache,
    today: () => new Date(clock),
    backgroundHistory: { queue, markers },
  } as Parameters<typeof createResolverFunctions>[0]);
  const getForecast = async (payload: Record<string, unknown> = {}): Promise<ForecastAnswer> =>
    ok(
      await functions.getForecast({
        payload: { boardId: SYNTHETIC_BOARD_ID, sprintId: SYNTHETIC_SPRINTS.active, ...payload },
        context: { accountId },
      }),
    );
  const consume = (body: unknown, jira: JiraRequest = seamAs(ADMIN), log: (m: string) => void = () => {}) =>
    readHistoryInBackground({ jira, configs, cache, markers, now, log }, body);
  return {
    simulator,
    accountId,
    store,
    queue,
    getForecast,
    consume,
    seamAs,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

function isForecast(answer: ForecastAnswer): answer is ForecastView {
  return !('background' in answer);
}

describe('getForecast on a board whose history is too large for one resolver call', () => {
  it('answers "reading the history" at once and pushes exactly one event, without reading any changelog', async () => {
    const { simulator, queue, getForecast, accountId } = await setUp();
    simulator.resetStats();
    const answer = await getForecast();
    expect(answer).toEqual({
      background: {
        state: 'reading',
        doneIssues: expect.any(Number),
        since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        requestedAt: SYNTHETIC_NOW,
      },
    });
    expect(queue.pushed).toHaveLength(1);
    expect(
      'background' in answer && answer.background.state === 'reading' && answer.background.doneIssues,
    ).toBeGreaterThan(BACKGROUND_READ_ABOVE_DONE_ISSUES);
    expect(queue.pushed[0]).toMatchObject({ accountId, boardId: SYNTHETIC_BOARD_ID });
    expect(simulator.stats().byRoute[CHANGELOGS] ?? 0).toBe(0);
  });

  it('does not push a second event while the first read is pending', async () => {
    const { queue, getForecast } = await setUp();
    await getForecast();
    const again = await getForecast({ whatIf: { excludedKeys: [], laneThroughput: { data: 0.5 } } });
    expect(again).toMatchObject({ background: { state: 'reading' } });
    expect(queue.pushed).toHaveLength(1);
  });

  it('forecasts from the history the consumer stored, as the person who asked, without reading Jira’s history again', async () => {
    const { simulator, queue, getForecast, consume } = await setUp();
    await getForecast();
    expect(await consume(queue.pushed[0])).toBe('stored');
    simulator.resetStats();
    const answer = await getForecast();
    expect(isForecast(answer)).toBe(true);
    const view = answer as ForecastView;
    expect(view.forecast).not.toBeNull();
    expect(view.history.lanes.reduce((sum, lane) => sum + lane.doneIssues, 0)).toBeGreaterThan(
      BACKGROUND_READ_ABOVE_DONE_ISSUES,
    );
    expect(simulator.stats().byRoute[CHANGELOGS] ?? 0).toBe(0);
    expect(queue.pushed).toHaveLength(1);
  });

  it('records a failed read in words, so the panel stops waiting; asking again pushes a new read', async () => {
    const { queue, getForecast, consume, seamAs } = await setUp();
    await getForecast();
    const inner = seamAs(ADMIN);
    const refusing: JiraRequest = (method, path, body, init) =>
      path.startsWith('/rest/api/3/changelog/bulkfetch')
        ? Promise.resolve({
            status: 503,
            ok: false,
            headers: { get: (name: string) => (name.toLowerCase() === 'retry-after' ? '0' : null) },
            text: async () => '{"errorMessages":["Service unavailable"]}',
          })
        : inner(method, path, body, init);
    expect(await consume(queue.pushed[0], refusing)).toBe('failed');
    const failed = await getForecast();
    expect(failed).toMatchObject({ background: { state: 'failed' } });
    const reason = 'background' in failed ? failed.background : null;
    expect(reason?.state === 'failed' && reason.reason).toMatch(
      /could not read the board’s history.*changelog/i,
    );
    expect(queue.pushed).toHaveLength(1);
    expect(await getForecast({ refreshHistory: true })).toMatchObject({ background: { state: 'reading' } });
    expect(queue.pushed).toHaveLength(2);
  });

  it('reads nothing when Jira does not answer as the person who asked, and reads in the resolver from then on', async () => {
    const { simulator, queue, getForecast, consume, seamAs } = await setUp();
    await getForecast();
    simulator.resetStats();
    const other = seamAs({ email: OTHER.emailAddress, apiToken: OTHER.apiToken });
    const logged: string[] = [];
    expect(await consume(queue.pushed[0], other, (m) => logged.push(m))).toBe('not-as-user');
    expect(simulator.stats().byRoute[CHANGELOGS] ?? 0).toBe(0);
    expect(logged).toEqual([expect.stringMatching(/turned background history reads off/)]);
    // The person's next ask reads the history in the resolver, as them, and pushes nothing more.
    const answer = await getForecast();
    expect(isForecast(answer) && answer.forecast).not.toBeNull();
    expect(simulator.stats().byRoute[CHANGELOGS] ?? 0).toBeGreaterThan(0);
    expect(queue.pushed).toHaveLength(1);
  });

  it('takes a consumer Jira will not name anyone for as running without the person, and reads nothing', async () => {
    const { simulator, queue, getForecast, consume } = await setUp();
    await getForecast();
    simulator.resetStats();
    const anonymous: JiraRequest = () =>
      Promise.resolve({
        status: 401,
        ok: false,
        headers: { get: () => null },
        text: async () => '{"errorMessages":["You are not authenticated."]}',
      });
    expect(await consume(queue.pushed[0], anonymous)).toBe('not-as-user');
    expect(simulator.stats().byRoute[CHANGELOGS] ?? 0).toBe(0);
    expect(isForecast(await getForecast())).toBe(true);
  });

  it.each([
    ['not an object', 'read everything'],
    ['another account’s key shape', { version: 1, token: 'x', accountId: '../../etc' }],
    ['an extra field', { extra: true }],
  ])(
    'refuses a hostile event body (%s) with a logged error, asking Jira nothing and storing nothing',
    async (_, body) => {
      const { simulator, queue, getForecast, consume, store } = await setUp();
      await getForecast();
      const event = { ...queue.pushed[0], ...(typeof body === 'object' ? body : {}) };
      const before = await store.keys('');
      simulator.resetStats();
      const logged: string[] = [];
      expect(await consume(typeof body === 'string' ? body : event, undefined, (m) => logged.push(m))).toBe(
        'refused',
      );
      expect(logged).toEqual([expect.stringMatching(/^ML Lanes refused a background history read: /)]);
      expect(simulator.stats().requests).toBe(0);
      expect(await store.keys('')).toEqual(before);
    },
  );

  it('takes a read pending too long as lost and asks again; the lost event, if it comes, does nothing', async () => {
    const { simulator, queue, getForecast, consume, advance } = await setUp();
    await getForecast();
    advance(PENDING_MAX_AGE_MS - 60_000);
    await getForecast();
    expect(queue.pushed).toHaveLength(1);
    advance(2 * 60_000);
    expect(await getForecast()).toMatchObject({ background: { state: 'reading' } });
    expect(queue.pushed).toHaveLength(2);
    simulator.resetStats();
    expect(await consume(queue.pushed[0])).toBe('stale');
    expect(simulator.stats().requests).toBe(0);
    expect(await consume(queue.pushed[1])).toBe('stored');
  });
});

describe('getForecast on a board with a small history, with background reads available', () => {
  it('reads the history in the resolver as before and pushes nothing', async () => {
    const { simulator, queue, getForecast } = await setUp(
      syntheticHistoryWorkspace({ doneIssues: 300, seed: 3 }),
    );
    simulator.resetStats();
    const answer = await getForecast();
    expect(isForecast(answer) && answer.forecast).not.toBeNull();
    expect(isForecast(answer)).toBe(true);
    expect(simulator.stats().byRoute[CHANGELOGS]).toBeGreaterThan(0);
    expect(queue.pushed).toEqual([]);
  });
});
