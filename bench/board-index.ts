/**
 * The board index at scale, on the simulator, as the product runs it: the daily reconcile puts every open-sprint
 * issue on the queue (500 ids a job) and the consumer works the jobs one after another until the queue is empty.
 * Prints Jira requests by route and time for a full re-index of 1,000 and 20,000 issues, the same again with
 * nothing changed, one upstream issue moved to Done with 50 issues waiting on it, and a 20,000-issue re-index under
 * injected 429s (Retry-After) with a job cut short by its deadline and run again.
 *
 * Run alone: `npm run build && node dist/bench/board-index.js` (or as part of `npm run bench`).
 */
import { performance } from 'node:perf_hooks';
import {
  consumeIndexJob,
  IDS_PER_JOB,
  reconcileIndex,
  type IndexJob,
  type IndexQueue,
} from '../src/app/index-events';
import type { IndexRun } from '../src/app/index-issues';
import { APP_FIELD_PAIRS_PER_REQUEST } from '../src/jira/app-field-values';
import { createBasicAuthSeam } from '../src/jira/fetch-seam';
import { INDEX_ISSUES_PER_REQUEST } from '../src/jira/index-property';
import type { JiraRequest } from '../src/jira/seam';
import {
  parseWorkspace,
  startSimulator,
  syntheticWorkspace,
  type RunningSimulator,
  type Workspace,
} from '../src/simulator';
import { BoardIndexStore } from '../src/storage/board-index-store';
import { ConfigRepository } from '../src/storage/config-repository';
import { MemoryStore } from '../src/storage/key-value-store';

const CREDENTIALS = { email: 'bench@example.com', apiToken: 'bench-token' };
const SIZES = [1000, 20000];
const DOWNSTREAM = 50;
/** Search pages of issue ids (Jira's cap for id-only searches). */
const IDS_PER_SEARCH_PAGE = 5000;
/** Issues a bulkfetch returns at most. */
const ISSUES_PER_READ = 100;
/** In the rate-limit run: one write request in this many is answered 429 first. */
const RATE_LIMIT_EVERY = 10;
const RETRY_AFTER_SECONDS = 1;
/**
 * In the rate-limit run: the deadline passes once the first job has sent this many write requests (its 8 app-field
 * writes go first, then its 5 property writes: the deadline falls among the latter). That job gets no 429s, so
 * that every 429 counted elsewhere is one the client had time to wait out.
 */
const DEADLINE_AFTER_WRITES = 10;
/** setTimeout may fire up to a millisecond before performance.now() says the time is up. */
const TIMER_SLACK_MS = 2;

const VALUE_WRITES = '/rest/api/3/app/field/value';
const PROPERTY_WRITES = '/rest/api/3/issue/properties/multi';
const ROUTE = {
  values: `POST ${VALUE_WRITES}`,
  properties: `POST ${PROPERTY_WRITES}`,
  task: 'GET /rest/api/3/task/{taskId}',
  bulkfetch: 'POST /rest/api/3/issue/bulkfetch',
  fields: 'GET /rest/api/3/field',
  search: 'POST /rest/api/3/search/jql',
} as const;

/** Forge's queue, as the bench drains it: jobs in the order they were pushed, follow-ups included. */
class DrainingQueue implements IndexQueue {
  readonly waiting: IndexJob[] = [];
  async push(jobs: readonly IndexJob[]): Promise<void> {
    this.waiting.push(...jobs);
  }
}

interface Site {
  simulator: RunningSimulator;
  jira: JiraRequest;
}

interface App {
  configs: ConfigRepository;
  index: BoardIndexStore;
}

const newApp = (): App => ({
  configs: new ConfigRepository(new MemoryStore()),
  index: new BoardIndexStore(new MemoryStore()),
});

async function startSite(workspace: Workspace, wrap?: (jira: JiraRequest) => JiraRequest): Promise<Site> {
  const simulator = await startSimulator({ workspace: { ...workspace, credentials: CREDENTIALS } });
  const jira = createBasicAuthSeam({ site: simulator.url, ...CREDENTIALS });
  return { simulator, jira: wrap ? wrap(jira) : jira };
}

interface JobDone {
  job: IndexJob;
  run: IndexRun;
}

interface Reindex {
  issues: number;
  jobs: JobDone[];
  wallMs: number;
  byRoute: Record<string, number>;
  requests: number;
}

/** The daily reconcile, then the consumer until the queue is empty. */
async function fullReindex(
  site: Site,
  app: App,
  options: { now?: () => number; beforeJob?: (at: number) => void } = {},
): Promise<Reindex> {
  site.simulator.resetStats();
  const queue = new DrainingQueue();
  const now = options.now ? { now: options.now } : {};
  const started = performance.now();
  const reconciled = await reconcileIndex({ jira: site.jira, queue, index: app.index, ...now });
  const jobs: JobDone[] = [];
  for (let job = queue.waiting.shift(); job; job = queue.waiting.shift()) {
    options.beforeJob?.(jobs.length);
    const run = await consumeIndexJob({ jira: site.jira, ...app, queue, log: () => {}, ...now }, job);
    if (!run) throw new Error('the consumer refused a job the reconcile made');
    jobs.push({ job, run });
  }
  const wallMs = performance.now() - started;
  const stats = site.simulator.stats();
  return { issues: reconciled.issues, jobs, wallMs, byRoute: stats.byRoute, requests: stats.requests };
}

const ceil = (issues: number, per: number) => Math.ceil(issues / per);

/**
 * The fewest requests the product's design allows, job by job: one search page per 5,000 ids; per job the field
 * list, a bulkfetch per 100 ids (with the fields the site's configuration reads), and one per 100 linked issues
 * outside the job; per 100 issues written one property write and its task; the app fields at 200 (field, issue)
 * pairs a request (updates grouped by value inside).
 */
function formula(workspace: Workspace, reindex: Reindex) {
  const linked = linkedByIssue(workspace);
  let reads = ceil(reindex.issues, IDS_PER_SEARCH_PAGE);
  let valueWrites = 0;
  let propertyWrites = 0;
  let issueReads = 0;
  for (const { job, run } of reindex.jobs) {
    const ids = new Set(job.issueIds);
    const outside = new Set([...ids].flatMap((id) => linked.get(id) ?? []).filter((id) => !ids.has(id)));
    const jobReads = ceil(ids.size, ISSUES_PER_READ) + ceil(outside.size, ISSUES_PER_READ);
    issueReads += jobReads;
    reads += 1 + jobReads;
    valueWrites += ceil(3 * run.written, APP_FIELD_PAIRS_PER_REQUEST);
    propertyWrites += ceil(run.written, INDEX_ISSUES_PER_REQUEST);
  }
  return { reads, issueReads, valueWrites, propertyWrites, total: reads + valueWrites + 2 * propertyWrites };
}

/** Issue id → ids it shares a Blocks link with (the dependency links of the default configuration). */
function linkedByIssue(workspace: Workspace): Map<string, string[]> {
  const idOfKey = new Map(workspace.issues.map((issue) => [issue.key, String(issue.id)]));
  const linked = new Map<string, string[]>();
  for (const link of workspace.links ?? []) {
    if (link.type !== 'Blocks') continue;
    const [a, b] = [idOfKey.get(link.outward), idOfKey.get(link.inward)];
    if (!a || !b) continue;
    linked.set(a, [...(linked.get(a) ?? []), b]);
    linked.set(b, [...(linked.get(b) ?? []), a]);
  }
  return linked;
}

const count = (reindex: Reindex, route: string) => reindex.byRoute[route] ?? 0;
const written = (reindex: Reindex) => reindex.jobs.reduce((sum, { run }) => sum + run.written, 0);
const failures = (reindex: Reindex) => [...new Set(reindex.jobs.flatMap(({ run }) => run.failures))];
const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
const ms = (value: number) => `${value.toFixed(0)} ms`;
const pad = (value: string | number, width: number) => String(value).padStart(width);

function routeLine(reindex: Reindex): string {
  const order = [ROUTE.search, ROUTE.fields, ROUTE.bulkfetch, ROUTE.values, ROUTE.properties, ROUTE.task];
  const rest = Object.keys(reindex.byRoute).filter((route) => !(order as string[]).includes(route));
  return [...order, ...rest]
    .filter((route) => count(reindex, route) > 0)
    .map((route) => `${route} ${count(reindex, route)}`)
    .join(' · ');
}

async function benchFullReindex(size: number, lines: string[], verdicts: string[]): Promise<void> {
  const workspace = parseWorkspace(syntheticWorkspace({ issues: size }));
  const site = await startSite(workspace);
  try {
    const app = newApp();
    const first = await fullReindex(site, app);
    const again = await fullReindex(site, app);
    const expected = formula(workspace, first);
    for (const [label, reindex] of [
      ['full', first],
      ['unchanged', again],
    ] as const) {
      lines.push(
        `${pad(size, 7)} ${pad(label, 10)} ${pad(reindex.issues, 7)} ${pad(reindex.jobs.length, 5)} ` +
          `${pad(written(reindex), 8)} ${pad(reindex.requests, 9)} ${pad(((100 * reindex.requests) / reindex.issues).toFixed(1), 9)} ` +
          `${pad(ms(reindex.wallMs), 9)}`,
      );
      lines.push(`${' '.repeat(10)}${routeLine(reindex)}`);
    }
    const reads = count(first, ROUTE.search) + count(first, ROUTE.fields) + count(first, ROUTE.bulkfetch);
    const valueWrites = count(first, ROUTE.values);
    const propertyWrites = count(first, ROUTE.properties);
    verdicts.push(
      `${size}: full re-index ${first.requests} requests ≤ formula ${expected.total} ` +
        `(reads ${reads} ≤ ${expected.reads}, app-field writes ${valueWrites} ≤ ⌈3×written/200⌉ a job = ${expected.valueWrites}, ` +
        `property writes ${propertyWrites} ≤ ⌈written/100⌉ a job = ${expected.propertyWrites}, each + its task read): ` +
        `${mark(first.requests <= expected.total && written(first) === first.issues)}`,
    );
    verdicts.push(
      `${size}: each issue read once: ${count(first, ROUTE.bulkfetch)} bulkfetches ≤ ⌈ids/100⌉ + ⌈linked outside/100⌉ ` +
        `a job = ${expected.issueReads} (⌈N/100⌉ = ${ceil(first.issues, ISSUES_PER_READ)} without the linked ones): ` +
        `${mark(count(first, ROUTE.bulkfetch) <= expected.issueReads)}`,
    );
    verdicts.push(
      `${size}: no request per issue: ${((100 * first.requests) / first.issues).toFixed(1)} requests per 100 issues: ` +
        `${mark(first.requests < first.issues / 10)}`,
    );
    const unchangedWrites = count(again, ROUTE.values) + count(again, ROUTE.properties);
    verdicts.push(
      `${size}: unchanged re-index writes nothing: ${unchangedWrites} write requests, ${written(again)} issues written: ` +
        `${mark(unchangedWrites === 0 && written(again) === 0)}`,
    );
  } finally {
    await site.simulator.close();
  }
}

/** SYN-1 (in progress) blocks SYN-2..SYN-51, and nothing else is linked; `done` moves SYN-1 to Done. */
function fanOutWorkspace(done: boolean): Workspace {
  const base = parseWorkspace(syntheticWorkspace({ issues: DOWNSTREAM + 1, linksPerIssue: 0 }));
  return {
    ...base,
    issues: base.issues.map((issue) =>
      issue.key === 'SYN-1' ? { ...issue, status: done ? 'Done' : 'In Progress' } : issue,
    ),
    links: Array.from({ length: DOWNSTREAM }, (_, i) => ({
      type: 'Blocks',
      outward: 'SYN-1',
      inward: `SYN-${i + 2}`,
    })),
  };
}

async function benchStatusChange(lines: string[], verdicts: string[]): Promise<void> {
  const before = fanOutWorkspace(false);
  const app = newApp();
  const first = await startSite(before);
  try {
    await fullReindex(first, app);
  } finally {
    await first.simulator.close();
  }
  // The same ids on a site where SYN-1 is now Done; Jira sends one "issue updated" event for it.
  const after = fanOutWorkspace(true);
  const upstreamId = String(after.issues.find((issue) => issue.key === 'SYN-1')?.id);
  const second = await startSite(after);
  try {
    const queue = new DrainingQueue();
    const job: IndexJob = {
      v: 1,
      attempt: 0,
      events: [
        {
          kind: 'issue-updated',
          issueId: upstreamId,
          statusCategory: { from: 'indeterminate', to: 'done' },
        },
      ],
      issueIds: [],
    };
    const started = performance.now();
    const run = await consumeIndexJob({ jira: second.jira, ...app, queue, log: () => {} }, job);
    const wallMs = performance.now() - started;
    const stats = second.simulator.stats();
    const reindex: Reindex = {
      issues: 0,
      jobs: [],
      wallMs,
      byRoute: stats.byRoute,
      requests: stats.requests,
    };
    lines.push(
      `  SYN-1 moved to Done, ${DOWNSTREAM} issues waiting on it: one event, ${run?.recomputed ?? 0} issues recomputed, ` +
        `${run?.written ?? 0} written, ${queue.waiting.length} follow-up jobs, ${stats.requests} requests in ${ms(wallMs)}`,
    );
    lines.push(`    ${routeLine(reindex)}`);
    const handful = 8;
    verdicts.push(
      `status change: ${run?.recomputed ?? 0} of ${DOWNSTREAM + 1} issues recomputed in ${stats.requests} requests ≤ ${handful}: ` +
        `${mark(run?.recomputed === DOWNSTREAM + 1 && stats.requests <= handful && (run?.failures.length ?? 1) === 0)}`,
    );
  } finally {
    await second.simulator.close();
  }
}

/**
 * A seam between the app and the simulator that has one write request in RATE_LIMIT_EVERY answered 429 with
 * Retry-After (the simulator's fault queue), records how long each 429'd request waited before it was sent again,
 * and calls `onWrite` before each write request goes out (false: not this one).
 */
function rateLimiting(simulator: () => RunningSimulator, onWrite: () => boolean) {
  const seen = { writes: 0, limited: 0, retries: 0, shortestWaitMs: Infinity };
  const limitedAt = new WeakMap<object, number>();
  const wrap =
    (jira: JiraRequest): JiraRequest =>
    async (method, path, body, init) => {
      const route = [VALUE_WRITES, PROPERTY_WRITES].find((each) => path.startsWith(each));
      if (!route) return jira(method, path, body, init);
      const mayLimit = onWrite();
      const key = typeof body === 'object' && body !== null ? body : null;
      const since = key ? limitedAt.get(key) : undefined;
      if (since !== undefined) {
        seen.retries += 1;
        seen.shortestWaitMs = Math.min(seen.shortestWaitMs, performance.now() - since);
      }
      if (mayLimit && ++seen.writes % RATE_LIMIT_EVERY === 0) {
        simulator().injectFaults({ status: 429, retryAfterSeconds: RETRY_AFTER_SECONDS, times: 1, route });
      }
      const response = await jira(method, path, body, init);
      if (response.status === 429) {
        seen.limited += 1;
        if (key) limitedAt.set(key, performance.now());
      }
      return response;
    };
  return { seen, wrap };
}

async function benchRateLimits(lines: string[], verdicts: string[]): Promise<void> {
  const size = 20000;
  const workspace = parseWorkspace(syntheticWorkspace({ issues: size }));
  let skewMs = 0;
  const now = () => Date.now() + skewMs;
  let job = -1;
  let writesInFirstJob = 0;
  // The first job's clock jumps past its 780 s budget after a few writes: the rest of it fails as "no time left".
  const onWrite = () => {
    if (job !== 0) return true;
    if (++writesInFirstJob === DEADLINE_AFTER_WRITES) skewMs += 3_600_000;
    return false;
  };
  let simulator: RunningSimulator | null = null;
  const limiter = rateLimiting(() => simulator!, onWrite);
  const site = await startSite(workspace, limiter.wrap);
  simulator = site.simulator;
  try {
    const app = newApp();
    const reindex = await fullReindex(site, app, { now, beforeJob: (at) => (job = at) });
    const limited = { ...limiter.seen };
    const firstJob = reindex.jobs[0];
    if (!firstJob) throw new Error('no job was queued');
    const cutShort = firstJob.job.issueIds.length - firstJob.run.written;
    lines.push(
      `  ${reindex.issues} issues, 1 write in ${RATE_LIMIT_EVERY} answered 429 (Retry-After ${RETRY_AFTER_SECONDS} s), ` +
        `the first job's deadline passing after ${DEADLINE_AFTER_WRITES} writes (no 429s in it): ${reindex.jobs.length} jobs, ` +
        `${written(reindex)} issues written, ${reindex.requests} requests in ${ms(reindex.wallMs)}`,
    );
    lines.push(`    ${routeLine(reindex)}`);
    lines.push(
      `    429s ${limited.limited}, waits then retries ${limited.retries}, ` +
        `shortest wait between a 429 and its retry ${limited.shortestWaitMs.toFixed(1)} ms; ` +
        `first job: ${firstJob.run.written} written, ${cutShort} left by its deadline ` +
        `(${failures(reindex).find((text) => /time/.test(text)) ?? 'no failure said'})`,
    );

    // The same job again (as the next reconcile, or a redelivery, would run it): only what was left is written.
    job = -1;
    site.simulator.resetStats();
    const queue = new DrainingQueue();
    const started = performance.now();
    const rerun = await consumeIndexJob({ jira: site.jira, ...app, queue, log: () => {}, now }, firstJob.job);
    const wallMs = performance.now() - started;
    const stats = site.simulator.stats();
    lines.push(
      `  the first job run again: ${rerun?.written ?? 0} written of ${firstJob.job.issueIds.length}, ` +
        `${stats.requests} requests in ${ms(wallMs)}: ` +
        routeLine({ issues: 0, jobs: [], wallMs, byRoute: stats.byRoute, requests: stats.requests }),
    );
    const limitedOk =
      limited.limited > 0 &&
      limited.retries === limited.limited &&
      limited.shortestWaitMs >= RETRY_AFTER_SECONDS * 1000 - TIMER_SLACK_MS;
    verdicts.push(
      `${size} under 429s: every 429 waited for Retry-After then retried (${limited.retries} of ${limited.limited}, ` +
        `shortest ${limited.shortestWaitMs.toFixed(1)} ms ≥ ${RETRY_AFTER_SECONDS * 1000} ms): ${mark(limitedOk)}`,
    );
    // What the deadline cut short goes back on the queue as a retry job (attempt 1), which writes it.
    const retried = reindex.jobs.filter(({ job: each }) => each.attempt > 0);
    const retriedWritten = retried.reduce((sum, { run }) => sum + run.written, 0);
    verdicts.push(
      `${size} under 429s: every issue written (${written(reindex)} of ${reindex.issues}), the deadline's ` +
        `${cutShort} by the retry job the consumer queued (${retriedWritten}), no failure but the deadline: ` +
        `${mark(written(reindex) === reindex.issues && retriedWritten === cutShort && failures(reindex).every((text) => /time/.test(text)))}`,
    );
    verdicts.push(
      `${size} resumed: the cut-short job run again writes nothing more (all written already): ${rerun?.written ?? 0}: ` +
        `${mark(cutShort > 0 && rerun?.written === 0 && (rerun?.failures.length ?? 1) === 0)}`,
    );
  } finally {
    await site.simulator.close();
  }
}

/** The block `npm run bench` prints. */
export async function benchBoardIndex(): Promise<string[]> {
  const lines = [
    `Full re-index: the daily reconcile, then the consumer over jobs of ${IDS_PER_JOB} ids until the queue is empty`,
    `${pad('issues', 7)} ${pad('re-index', 10)} ${pad('indexed', 7)} ${pad('jobs', 5)} ${pad('written', 8)} ` +
      `${pad('requests', 9)} ${pad('per 100', 9)} ${pad('wall', 9)}`,
  ];
  const verdicts: string[] = [];
  for (const size of SIZES) await benchFullReindex(size, lines, verdicts);
  lines.push('Board index: one status change upstream');
  await benchStatusChange(lines, verdicts);
  lines.push('Board index: rate limits and a deadline while re-indexing 20,000 issues');
  await benchRateLimits(lines, verdicts);
  return [...lines, 'Targets', ...verdicts.map((verdict) => `  ${verdict}`)];
}

if (require.main === module) {
  benchBoardIndex()
    .then((lines) => lines.forEach((line) => console.log(line)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
