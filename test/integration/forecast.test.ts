/** The forecast as the planning panel gets it: read as the user from the demo site's history, never made up. */
import type { ForecastAnswer, ForecastView } from '../../src/contract/forecast-view';
import { HistoryCache } from '../../src/storage/history-cache';
import { MemoryStore } from '../../src/storage/key-value-store';
import { CV_BOARD_ID, CV_SPRINTS, DEMO_NOW, demoSite, REC_BOARD_ID } from '../../src/simulator';
import { appOn, ok, useSimulator, type App } from './support/harness';

const ADMIN = { email: 'sm@example.com', apiToken: 'sm-token', accountId: 'sm-account' };
const MEMBER = {
  accountId: '712020:sam',
  displayName: 'Sam Rivera',
  emailAddress: 'sam@example.com',
  timeZone: 'Europe/Lisbon',
  admin: false,
  apiToken: 'sam-token',
};
const CHANGELOGS = 'POST /rest/api/3/changelog/bulkfetch';

const simulator = useSimulator({
  workspace: { ...demoSite(), credentials: ADMIN, otherUsers: [MEMBER] },
});

let app: App;
beforeEach(() => {
  app = appOn(simulator(), {
    historyCache: new HistoryCache(new MemoryStore()),
    today: () => new Date(DEMO_NOW),
  });
  simulator().resetStats();
});

/** Without a background queue the panel's forecast is never pending: the history is read in the resolver. */
function ready(answer: ForecastAnswer): ForecastView {
  if ('background' in answer) throw new Error(`expected a forecast, got ${JSON.stringify(answer)}`);
  return answer;
}

async function forecast(payload: Record<string, unknown>, as = ADMIN): Promise<ForecastView> {
  const functions = app.as(as === ADMIN ? ADMIN : as);
  return ready(
    ok(
      await functions.getForecast({
        payload: { boardId: CV_BOARD_ID, sprintId: CV_SPRINTS.active, ...payload },
        context: { accountId: as.accountId },
      }),
    ),
  );
}

const memberAccount = { email: MEMBER.emailAddress, apiToken: MEMBER.apiToken, accountId: MEMBER.accountId };

describe('getForecast on the demo sprint', () => {
  it('forecasts the remaining work from the board’s own history, with capacity, indicators and a backtest', async () => {
    const view = await forecast({});
    expect(view.scope).toMatchObject({
      sprintId: CV_SPRINTS.active,
      sprintState: 'active',
      asOf: '2026-11-30',
    });
    expect(view.history.closedSprints).toBeGreaterThanOrEqual(5);
    expect(view.history.lanes.map((lane) => lane.lane)).toEqual(['data', 'model', 'code', 'test', 'deploy']);
    expect(view.history.lanes.every((lane) => lane.method === 'throughput')).toBe(true);
    expect(view.forecast).not.toBeNull();
    const finish = view.forecast!.finish;
    expect(finish.p50 <= finish.p85 && finish.p85 <= finish.p95).toBe(true);
    expect(finish.p50 >= '2026-11-30').toBe(true);
    // What the what-if can take out: every unfinished sprint issue, in rank order.
    expect(view.remainingWork).toHaveLength(view.forecast!.remainingIssues);
    expect(view.remainingWork.map((issue) => issue.key)).toEqual(
      expect.arrayContaining(['CV-104', 'CV-110']),
    );
    const shares = view.forecast!.distribution.reduce((sum, day) => sum + day.share, 0);
    expect(shares).toBeCloseTo(1, 5);
    expect(view.capacity.find((lane) => lane.lane === 'model')?.sentence).toMatch(
      /^Model: \d+ points committed; it finished [\d.]+ \(median\) – [\d.]+ \(85%\) in the last \d sprints/,
    );
    expect(view.indicators.labelingThroughput?.lane).toBe('data');
    // The demo's labeling slowed down over the last weeks: the trend says so.
    expect(view.indicators.labelingThroughput?.trend).toBeLessThan(1);
    expect(view.indicators.agingWork.map((issue) => issue.key)).toContain('CV-101');
    expect(view.backtest?.sentence).toMatch(
      /^on this board, \d of the last \d sprints finished within the 85% date/,
    );
  });

  it('gives the same answer for the same sprint, history and seed', async () => {
    const first = await forecast({});
    const again = await forecast({ refreshHistory: true });
    expect(again.forecast).toEqual(first.forecast);
    expect(again.capacity).toEqual(first.capacity);
  });

  it('reads the history once, in one changelog request for the demo’s done issues, then answers what-ifs from it', async () => {
    const before = await forecast({});
    expect(simulator().stats().byRoute[CHANGELOGS]).toBe(1);
    const halved = await forecast({ whatIf: { excludedKeys: [], laneThroughput: { data: 0.5 } } });
    expect(simulator().stats().byRoute[CHANGELOGS]).toBe(1);
    const data = (view: ForecastView) => view.forecast!.lanes.find((lane) => lane.lane === 'data')!;
    expect(data(halved).doneBySprintEnd!.value).toBeLessThan(data(before).doneBySprintEnd!.value);
    expect(halved.whatIf.laneThroughput).toEqual({ data: 0.5 });
  });

  it('takes issues out of scope without writing to Jira', async () => {
    const before = await forecast({});
    const keys = before.forecast!.criticalChain.keys;
    const without = await forecast({ whatIf: { excludedKeys: keys, laneThroughput: {} } });
    expect(without.forecast!.remainingIssues).toBe(before.forecast!.remainingIssues - keys.length);
    const writes = Object.entries(simulator().stats().byRoute).filter(([route]) => route.startsWith('PUT'));
    expect(writes).toEqual([]);
  });

  it('keeps each person’s history apart: another user’s forecast reads Jira as that user', async () => {
    await forecast({});
    await forecast({}, memberAccount);
    expect(simulator().stats().byRoute[CHANGELOGS]).toBe(2);
  });

  it('on a board with almost no history, forecasts only the lanes it can and says which it cannot', async () => {
    const functions = app.as(ADMIN);
    const view = ready(ok(await functions.getForecast({ payload: { boardId: REC_BOARD_ID }, context: {} })));
    const model = view.forecast?.lanes.find((lane) => lane.lane === 'model');
    expect(model).toMatchObject({ finish: null, doneBySprintEnd: null });
    expect(view.history.lanes.find((lane) => lane.lane === 'model')?.method).toBe('none');
    expect(view.warnings).toContainEqual(
      expect.stringMatching(/^No forecast for \d+ issues in lane "model"/),
    );
  });

  it('refuses a what-if outside what Jira work can do, naming the field', async () => {
    const functions = app.as(ADMIN);
    const result = await functions.getForecast({
      payload: { boardId: CV_BOARD_ID, whatIf: { excludedKeys: [], laneThroughput: { data: 5 } } },
      context: {},
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(result.ok ? '' : result.error.message).toMatch(/laneThroughput.*at most 2/);
  });
});
