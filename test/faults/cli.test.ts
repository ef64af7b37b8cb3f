/**
 * The CLI against a Jira that fails the way networks and gateways do (a proxy in front of the simulator): each
 * fault ends in a complete plan, a plan whose warnings name what is missing, or exit 3 with one line, within the
 * limits given, and nothing is asked of Jira after a fatal answer beyond what was already in flight.
 * Needs the built CLI (`npm run build`).
 */
import type { RunningSimulator } from '../../src/simulator';
import { planViewSchema } from '../support/plan-view-schema';
import { answeredAt, startedAfter } from './proxy';
import {
  closeProxies,
  expectJiraFailure,
  idOf,
  mlLanes,
  plan,
  proxyTo,
  ROUTES,
  syntheticSimulator,
  type CliRun,
} from './support';

/** Requests a client may have had in flight besides the failing one (its concurrency is 4). */
const OTHER_SLOTS = 3;
/** Three batches of exactly 100, whichever arrives n-th. */
const SMALL = 300;
const LARGE = 2000;

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

function planOf(run: CliRun) {
  expect(run.code).toBe(0);
  return planViewSchema.parse(JSON.parse(run.stdout));
}

describe('a Jira that does not answer', () => {
  it('exits 3 with one line when the board request never gets headers (--timeout)', async () => {
    const proxy = await proxyTo(small, { route: ROUTES.board, fault: { kind: 'stall-headers' } });
    const run = await mlLanes(plan(proxy, '--timeout', '2'));
    expectJiraFailure(
      run,
      /Jira did not answer within 2 s \(GET \/rest\/agile\/1\.0\/board\/\{boardId\}\); limits: --timeout 2 s/,
    );
  });

  it('exits 3 with one line when the search sends half its body and stalls', async () => {
    const proxy = await proxyTo(small, { route: ROUTES.search, fault: { kind: 'stall-body' } });
    const run = await mlLanes(plan(proxy, '--timeout', '2'));
    expectJiraFailure(
      run,
      /Jira's answer did not arrive in full within 2 s \(POST \/rest\/api\/3\/search\/jql\)/,
    );
  });

  it('exits 3 at the run deadline when the site never answers anything (--deadline)', async () => {
    const proxy = await proxyTo(small, { route: '*', times: Infinity, fault: { kind: 'stall-headers' } });
    const run = await mlLanes(plan(proxy, '--deadline', '2'));
    expectJiraFailure(run, /Jira did not answer in time \(.+\); limits: .*--deadline 2 s the run/);
  });

  it('keeps the sprint issues that arrived and names the ones whose batch stalled', async () => {
    const proxy = await proxyTo(small, { route: ROUTES.bulkfetch, nth: 2, fault: { kind: 'stall-body' } });
    // Long enough for the healthy batches on a busy machine; the stalled one takes all of it.
    const run = await mlLanes(plan(proxy, '--timeout', '3'));
    const view = planOf(run);
    expect(view.summary.issues).toBe(SMALL - 100);
    expect(view.warnings).toEqual([
      expect.stringMatching(
        /^100 of 300 sprint issues could not be loaded in time; they and their handoffs are left out: issue ids 1\d{5}(, 1\d{5}){19} and 80 more$/,
      ),
    ]);
    expect(run.stderr).toBe(`ml-lanes: warning: ${view.warnings[0]}\n`);
  });
});

describe('a connection that breaks mid-answer', () => {
  it('retries one reset and plans the whole sprint, saying it retried', async () => {
    const proxy = await proxyTo(small, {
      route: ROUTES.bulkfetch,
      nth: 2,
      fault: { kind: 'reset-mid-body' },
    });
    const run = await mlLanes(plan(proxy));
    const view = planOf(run);
    expect(view.summary.issues).toBe(SMALL);
    expect(view.warnings).toEqual([]);
    expect(run.stderr).toMatch(/^ml-lanes: the connection to Jira was reset; retrying in \d+ s\n$/);
  });

  it('exits 3 with one error line, not a TypeError stack, when the retry breaks too', async () => {
    const proxy = await proxyTo(small, { route: ROUTES.board, times: 2, fault: { kind: 'reset-mid-body' } });
    const run = await mlLanes(plan(proxy));
    expectJiraFailure(
      run,
      /the connection to Jira broke while reading its answer \(GET \/rest\/agile\/1\.0\/board\/\{boardId\}\)/,
    );
  });
});

describe('answers that are not JSON', () => {
  it('exits 3 on truncated JSON and asks nothing more of Jira', async () => {
    const proxy = await proxyTo(large, { route: ROUTES.bulkfetch, nth: 2, fault: { kind: 'truncate-json' } });
    const run = await mlLanes(plan(proxy));
    expectJiraFailure(run, /POST \/rest\/api\/3\/issue\/bulkfetch answered with malformed JSON/);
    const requests = proxy.requests();
    const fatal = answeredAt(requests, (request) => request.fault === 'truncate-json');
    expect(startedAfter(requests, fatal).length).toBeLessThanOrEqual(OTHER_SLOTS);
  });

  it('exits 3 naming a login page answered with 200', async () => {
    const proxy = await proxyTo(small, { route: ROUTES.search, fault: { kind: 'html-200' } });
    expectJiraFailure(
      await mlLanes(plan(proxy)),
      /POST \/rest\/api\/3\/search\/jql answered with a web page instead of JSON/,
    );
  });
});

describe('paging that never ends', () => {
  it('stops when the search hands back a page token it gave before, and says the list may be short', async () => {
    const proxy = await proxyTo(paged, {
      route: ROUTES.search,
      times: Infinity,
      fault: { kind: 'repeat-page-token' },
    });
    const run = await mlLanes(plan(proxy));
    const view = planOf(run);
    expect(view.summary.issues).toBe(200);
    expect(view.warnings).toEqual([
      expect.stringMatching(/stopped after 200 sprint issues: the sprint may hold more/),
    ]);
    expect(proxy.requests().filter((request) => request.route === ROUTES.search)).toHaveLength(2);
  });
});

describe('sprint issues bulkfetch leaves out', () => {
  const allKeys = Array.from({ length: SMALL }, (_, index) => `SYN-${index + 1}`);

  it.each(['issue-errors', 'drop-issues'] as const)(
    'asks once more when a batch comes back with issues missing (%s), and plans them all',
    async (kind) => {
      const proxy = await proxyTo(small, { route: ROUTES.bulkfetch, fault: { kind, keys: allKeys } });
      const view = planOf(await mlLanes(plan(proxy)));
      expect(proxy.removedIssues().size).toBe(100);
      expect(view.summary.issues).toBe(SMALL);
      expect(view.warnings).toEqual([]);
    },
  );

  it('names the sprint issues Jira keeps listing in issueErrors, with what Jira said', async () => {
    const keys = ['SYN-5', 'SYN-17'];
    const proxy = await proxyTo(small, {
      route: ROUTES.bulkfetch,
      times: Infinity,
      fault: { kind: 'issue-errors', keys },
    });
    const run = await mlLanes(plan(proxy));
    const view = planOf(run);
    expect(view.summary.issues).toBe(SMALL - 2);
    expect(view.issues.map((issue) => issue.key)).not.toEqual(expect.arrayContaining(['SYN-5']));
    expect(view.warnings).toHaveLength(1);
    expect(view.warnings[0]).toMatch(/^Jira did not return 2 of 300 sprint issues, even when asked twice/);
    expect(view.warnings[0]).toContain(idOf('SYN-5'));
    expect(view.warnings[0]).toContain(idOf('SYN-17'));
    expect(view.warnings[0]).toMatch(/Jira said: Internal error while reading the issue/);
  });

  it('names the sprint issues Jira keeps dropping, in the Markdown report too', async () => {
    const proxy = await proxyTo(small, {
      route: ROUTES.bulkfetch,
      times: Infinity,
      fault: { kind: 'drop-issues', keys: ['SYN-42'] },
    });
    const run = await mlLanes(plan(proxy, '--format', 'markdown'));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `## Warnings \\(1\\)\\n\\n- Jira did not return 1 of 300 sprint issues.*issue ids ${idOf('SYN-42')}\\n`,
      ),
    );
    expect(run.stdout.indexOf('## Warnings')).toBeLessThan(run.stdout.indexOf('## Blocked handoffs'));
    expect(run.stderr).toMatch(new RegExp(`^ml-lanes: warning: .*${idOf('SYN-42')}\\n$`));
  });
});

describe('error answers in a large sprint (20 batches)', () => {
  it('exits 3 on a 401 at the 3rd bulkfetch and asks nothing more of Jira', async () => {
    const proxy = await proxyTo(large, {
      route: ROUTES.bulkfetch,
      nth: 3,
      fault: { kind: 'status', status: 401 },
    });
    const run = await mlLanes(plan(proxy));
    expectJiraFailure(
      run,
      /^ml-lanes: Jira refused the credentials \(POST \/rest\/api\/3\/issue\/bulkfetch answered 401: Unauthorized\); check JIRA_EMAIL and JIRA_API_TOKEN/,
    );
    const requests = proxy.requests();
    expect(
      startedAfter(
        requests,
        answeredAt(requests, (request) => request.status === 401),
      ).length,
    ).toBeLessThanOrEqual(OTHER_SLOTS);
  });

  it('exits 3 on a 500 and asks nothing more of Jira', async () => {
    const proxy = await proxyTo(large, {
      route: ROUTES.bulkfetch,
      nth: 2,
      fault: { kind: 'status', status: 500 },
    });
    const run = await mlLanes(plan(proxy));
    expectJiraFailure(
      run,
      /^ml-lanes: Jira failed \(POST \/rest\/api\/3\/issue\/bulkfetch answered 500: Internal server error\); try again later$/,
    );
    const requests = proxy.requests();
    expect(
      startedAfter(
        requests,
        answeredAt(requests, (request) => request.status === 500),
      ).length,
    ).toBeLessThanOrEqual(OTHER_SLOTS);
  });

  it('ends a 429 storm with the error line last: no retry notice and no request after it', async () => {
    const proxy = await proxyTo(large, {
      route: ROUTES.bulkfetch,
      nth: 2,
      times: Infinity,
      fault: { kind: 'status', status: 429, retryAfter: '0' },
    });
    const run = await mlLanes(plan(proxy));
    expectJiraFailure(
      run,
      /Jira is still rate-limiting after 4 retries \(POST \/rest\/api\/3\/issue\/bulkfetch\)/,
    );
    const errorLine = run.stderrLines.at(-1);
    expect(errorLine?.text).toMatch(/still rate-limiting/);
    expect(startedAfter(proxy.requests(), errorLine?.at ?? 0).length).toBeLessThanOrEqual(OTHER_SLOTS);
  });
});

describe('retry notices', () => {
  it('says Jira is unavailable on a 503, not that it is rate-limiting', async () => {
    const proxy = await proxyTo(small, { route: ROUTES.board, fault: { kind: 'status', status: 503 } });
    const run = await mlLanes(plan(proxy));
    expect(planOf(run).summary.issues).toBe(SMALL);
    expect(run.stderr).toMatch(/^ml-lanes: Jira is unavailable \(503\); retrying in 1 s\n$/);
  });

  it('waits the backoff, not zero, when a 429 says Retry-After: -5', async () => {
    const proxy = await proxyTo(small, {
      route: ROUTES.board,
      fault: { kind: 'status', status: 429, retryAfter: '-5' },
    });
    const run = await mlLanes(plan(proxy));
    expect(planOf(run).summary.issues).toBe(SMALL);
    expect(run.stderr).toMatch(/^ml-lanes: Jira is rate-limiting \(429\); retrying in 1 s\n$/);
  });
});
