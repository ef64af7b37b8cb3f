/**
 * The planning panel's resolver against the same faults as the CLI (the fetch seam to the fault proxy, as Forge's
 * seam would be): a typed error the panel can show, or a partial plan whose warnings name what is missing, never a
 * hang past Forge's 25 s, and nothing asked of Jira after a fatal answer beyond what was in flight.
 */
import { defaultConfig } from '../../src/config/defaults';
import { createBasicAuthSeam } from '../../src/jira/fetch-seam';
import { createResolverFunctions, type ResolverDeps } from '../../src/resolvers';
import type { RunningSimulator } from '../../src/simulator';
import { ConfigRepository } from '../../src/storage/config-repository';
import { MemoryStore } from '../../src/storage/key-value-store';
import { answeredAt, startedAfter, type FaultProxy, type FaultRule } from './proxy';
import { AUTH, closeProxies, idOf, proxyTo, ROUTES, syntheticSimulator } from './support';

const SMALL = 300;
const LARGE = 2000;
const OTHER_SLOTS = 3;
/** Forge stops a resolver at 25 s: no test here may come near it. */
const FORGE_LIMIT_MS = 25_000;

let small: RunningSimulator;
let large: RunningSimulator;
let paged: RunningSimulator;
beforeAll(async () => {
  [small, large, paged] = await Promise.all([
    syntheticSimulator(SMALL),
    syntheticSimulator(LARGE),
    syntheticSimulator(SMALL, { maxSearchPageSize: 100 }),
  ]);
});
afterEach(closeProxies);
afterAll(() => Promise.all([small.close(), large.close(), paged.close()]));

/**
 * Small limits so the stalls end quickly, yet roomy for healthy requests on a busy machine; Forge's own defaults
 * get a test of their own.
 */
const QUICK: Partial<ResolverDeps> = { timeBudgetMs: 10_000, requestTimeoutMs: 3_000 };

async function getPlan(proxy: FaultProxy, deps: Partial<ResolverDeps> = QUICK) {
  const functions = createResolverFunctions({
    jiraAsUser: () => createBasicAuthSeam({ site: proxy.url, ...AUTH }),
    configs: new ConfigRepository(new MemoryStore()),
    ...deps,
  });
  return functions.getPlan({
    payload: {},
    context: { extension: { type: 'jira:boardAction', board: { id: 1 } } },
  });
}

async function planThrough(simulator: RunningSimulator, ...rules: FaultRule[]) {
  const proxy = await proxyTo(simulator, ...rules);
  const result = await getPlan(proxy);
  if (!result.ok) throw new Error(`expected a plan, got ${JSON.stringify(result.error)}`);
  return { plan: result.data, proxy };
}

const unavailable = (message: RegExp | string) => ({
  ok: false,
  error: {
    code: 'jira-unavailable',
    message: typeof message === 'string' ? message : expect.stringMatching(message),
  },
});
const TOO_SLOW = 'Jira did not answer in time; try again in a moment.';

describe('typed errors', () => {
  it.each<[string, FaultRule, ReturnType<typeof unavailable>]>([
    [
      'board headers never come',
      { route: ROUTES.board, fault: { kind: 'stall-headers' } },
      unavailable(TOO_SLOW),
    ],
    [
      'the search body stalls',
      { route: ROUTES.search, fault: { kind: 'stall-body' } },
      unavailable(TOO_SLOW),
    ],
    [
      'the board answer breaks twice',
      { route: ROUTES.board, times: 2, fault: { kind: 'reset-mid-body' } },
      unavailable(/connection to Jira broke while reading its answer/),
    ],
    [
      'the search answers a login page',
      { route: ROUTES.search, fault: { kind: 'html-200' } },
      unavailable(/web page instead of JSON/),
    ],
  ])('when %s', async (_, rule, expected) => {
    const proxy = await proxyTo(small, rule);
    expect(await getPlan(proxy)).toEqual(expected);
  });

  it(
    'with Forge’s own limits, a site that never answers gives a typed error before Forge’s 25 s',
    async () => {
      const proxy = await proxyTo(small, { route: '*', times: Infinity, fault: { kind: 'stall-headers' } });
      expect(await getPlan(proxy, {})).toEqual(unavailable(TOO_SLOW));
    },
    FORGE_LIMIT_MS,
  );
});

describe('nothing asked of Jira after a fatal answer', () => {
  it.each<[string, FaultRule, object, (request: { status: number | null; fault: string | null }) => boolean]>(
    [
      [
        'a 401 at the 3rd bulkfetch',
        { route: ROUTES.bulkfetch, nth: 3, fault: { kind: 'status', status: 401 } },
        { code: 'forbidden', message: expect.stringMatching(/^Jira refused access: .*answered 401/) },
        (request) => request.status === 401,
      ],
      [
        'a 500 at the 2nd bulkfetch',
        { route: ROUTES.bulkfetch, nth: 2, fault: { kind: 'status', status: 500 } },
        { code: 'jira-unavailable', message: expect.stringMatching(/answered 500/) },
        (request) => request.status === 500,
      ],
      [
        'truncated JSON at the 2nd bulkfetch',
        { route: ROUTES.bulkfetch, nth: 2, fault: { kind: 'truncate-json' } },
        { code: 'jira-unavailable', message: expect.stringMatching(/malformed JSON/) },
        (request) => request.fault === 'truncate-json',
      ],
    ],
  )('%s: a typed error, and no request after it', async (_, rule, error, isFatal) => {
    const proxy = await proxyTo(large, rule);
    expect(await getPlan(proxy)).toEqual({ ok: false, error });
    await proxy.quiet();
    const requests = proxy.requests();
    expect(startedAfter(requests, answeredAt(requests, isFatal)).length).toBeLessThanOrEqual(OTHER_SLOTS);
  });

  it('a 429 storm: "rate-limited", and the queued batches never reach Jira', async () => {
    const proxy = await proxyTo(large, {
      route: ROUTES.bulkfetch,
      nth: 2,
      times: Infinity,
      fault: { kind: 'status', status: 429, retryAfter: '0' },
    });
    expect(await getPlan(proxy)).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    await proxy.quiet();
    // 20 batches: the one that got through, and at most 4 in flight with their 4 retries each.
    const bulkfetches = proxy.requests().filter((request) => request.route === ROUTES.bulkfetch);
    expect(bulkfetches.length).toBeLessThanOrEqual(1 + 4 * 5);
  });
});

describe('partial plans that say what is missing', () => {
  it('keeps the batches that arrived when one stalls, and names the rest', async () => {
    const { plan } = await planThrough(small, {
      route: ROUTES.bulkfetch,
      nth: 2,
      fault: { kind: 'stall-body' },
    });
    expect(plan.summary.issues).toBe(SMALL - 100);
    expect(plan.warnings).toEqual([
      expect.stringMatching(/^100 of 300 sprint issues could not be loaded in time; .*issue ids 1\d{5}, /),
    ]);
  });

  it('retries one reset and plans the whole sprint', async () => {
    const { plan } = await planThrough(small, {
      route: ROUTES.bulkfetch,
      nth: 2,
      fault: { kind: 'reset-mid-body' },
    });
    expect(plan.summary.issues).toBe(SMALL);
    expect(plan.warnings).toEqual([]);
  });

  it('stops paging at a repeated page token and says the sprint may hold more', async () => {
    const { plan, proxy } = await planThrough(paged, {
      route: ROUTES.search,
      times: Infinity,
      fault: { kind: 'repeat-page-token' },
    });
    expect(plan.summary.issues).toBe(200);
    expect(plan.warnings).toEqual([
      expect.stringMatching(/the sprint may hold more issues than this plan shows$/),
    ]);
    expect(proxy.requests().filter((request) => request.route === ROUTES.search)).toHaveLength(2);
  });

  it.each(['issue-errors', 'drop-issues'] as const)(
    'names the sprint issues Jira keeps leaving out (%s)',
    async (kind) => {
      const { plan } = await planThrough(small, {
        route: ROUTES.bulkfetch,
        times: Infinity,
        fault: { kind, keys: ['SYN-7', 'SYN-250'] },
      });
      expect(plan.summary.issues).toBe(SMALL - 2);
      expect(plan.warnings).toEqual([
        expect.stringMatching(/^Jira did not return 2 of 300 sprint issues, even when asked twice/),
      ]);
      expect(plan.warnings[0]).toContain(idOf('SYN-7'));
      expect(plan.warnings[0]).toContain(idOf('SYN-250'));
    },
  );
});

describe('the admin preview', () => {
  it('names the issues a JQL query found but Jira would not return, instead of showing fewer rows', async () => {
    const proxy = await proxyTo(small, {
      route: ROUTES.bulkfetch,
      times: Infinity,
      fault: { kind: 'drop-issues', keys: ['SYN-7'] },
    });
    const functions = createResolverFunctions({
      jiraAsUser: () => createBasicAuthSeam({ site: proxy.url, ...AUTH }),
      configs: new ConfigRepository(new MemoryStore()),
      ...QUICK,
    });
    const result = await functions.previewConfig({
      payload: { config: defaultConfig(), jql: 'project = SYN' },
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.rows.some((row) => row.key === 'SYN-7')).toBe(false);
    expect(result.data.warnings).toEqual([
      `1 issue the query found could not be loaded and is not shown (ids ${idOf('SYN-7')})`,
    ]);
  });
});
