/**
 * The board index under Jira's rate limits and a consumer's deadline, on the simulator: with write requests
 * answered 429 (Retry-After) every issue still ends with the values a clean run gives, in batched requests; a job
 * whose deadline passes mid-way leaves the rest for the next run, which writes that rest and nothing else.
 * How long the waits take is measured in `npm run bench` (bench/board-index.ts), not here.
 */
import { consumeIndexJob, reconcileIndex, type IndexJob, type IndexQueue } from '../../src/app/index-events';
import type { IndexRun } from '../../src/app/index-issues';
import { APP_FIELD_PAIRS_PER_REQUEST } from '../../src/jira/app-field-values';
import { createBasicAuthSeam } from '../../src/jira/fetch-seam';
import { INDEX_ISSUES_PER_REQUEST } from '../../src/jira/index-property';
import type { JiraRequest } from '../../src/jira/seam';
import { startSimulator, syntheticWorkspace, type RunningSimulator } from '../../src/simulator';
import { BoardIndexStore } from '../../src/storage/board-index-store';
import { ConfigRepository } from '../../src/storage/config-repository';
import { MemoryStore } from '../../src/storage/key-value-store';
import { AUTH } from './support';

const FIELDS = ['customfield_10950', 'customfield_10951', 'customfield_10952'];
const PROPERTY = 'ml-lanes-state';
const VALUE_WRITES = '/rest/api/3/app/field/value';
const PROPERTY_WRITES = '/rest/api/3/issue/properties/multi';
const ISSUES = 1000;
/** Generous: the 429s' one-second waits add up, and the machine is shared. */
const TEST_TIMEOUT_MS = 120_000;

const running: RunningSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((simulator) => simulator.close()));
});

class DrainingQueue implements IndexQueue {
  readonly waiting: IndexJob[] = [];
  async push(jobs: readonly IndexJob[]): Promise<void> {
    this.waiting.push(...jobs);
  }
}

interface WriteRequest {
  route: string;
  issueIds: string[];
  status: number;
}

/**
 * A site whose seam records each write request (the issues it carries and Jira's answer); with `limitEvery`, one
 * write request in that many is answered 429 with Retry-After 1 s; `onWrite` runs before each write goes out.
 */
async function site(options: { limitEvery?: number; onWrite?: () => void } = {}) {
  const simulator = await startSimulator({
    workspace: { ...syntheticWorkspace({ issues: ISSUES }), credentials: AUTH },
  });
  running.push(simulator);
  const fetchSeam = createBasicAuthSeam({ site: simulator.url, ...AUTH });
  const writes: WriteRequest[] = [];
  const jira: JiraRequest = async (method, path, body, init) => {
    const route = [VALUE_WRITES, PROPERTY_WRITES].find((each) => path.startsWith(each));
    if (!route) return fetchSeam(method, path, body, init);
    options.onWrite?.();
    if (options.limitEvery && (writes.length + 1) % options.limitEvery === 0) {
      simulator.injectFaults({ status: 429, retryAfterSeconds: 1, times: 1, route });
    }
    const response = await fetchSeam(method, path, body, init);
    writes.push({ route, issueIds: issuesIn(body), status: response.status });
    return response;
  };
  return { simulator, jira, writes };
}

function issuesIn(body: unknown): string[] {
  const { updates, issues } = body as {
    updates?: { issueIds: number[] }[];
    issues?: { issueID: number }[];
  };
  const ids = [
    ...(updates ?? []).flatMap((update) => update.issueIds),
    ...(issues ?? []).map((issue) => issue.issueID),
  ];
  return [...new Set(ids.map(String))];
}

const newApp = () => ({
  configs: new ConfigRepository(new MemoryStore()),
  index: new BoardIndexStore(new MemoryStore()),
});

type App = ReturnType<typeof newApp>;

/** The daily reconcile, then the consumer until the queue is empty, as the product runs a full re-index. */
async function fullReindex(jira: JiraRequest, app: App, now?: () => number) {
  const queue = new DrainingQueue();
  const clock = now ? { now } : {};
  const { issues } = await reconcileIndex({ jira, queue, index: app.index, ...clock });
  const runs: { job: IndexJob; run: IndexRun }[] = [];
  for (let job = queue.waiting.shift(); job; job = queue.waiting.shift()) {
    const run = await consumeIndexJob({ jira, ...app, queue, log: () => {}, ...clock }, job);
    if (!run) throw new Error('the consumer refused a job the reconcile made');
    runs.push({ job, run });
  }
  return { issues, runs };
}

/** Each issue's three app fields and its index property, as Jira returns them, by issue id. */
async function valuesOf(jira: JiraRequest, ids: readonly string[]): Promise<Map<string, unknown>> {
  const values = new Map<string, unknown>();
  for (let at = 0; at < ids.length; at += 100) {
    const response = await jira('POST', '/rest/api/3/issue/bulkfetch', {
      issueIdsOrKeys: ids.slice(at, at + 100),
      fields: FIELDS,
      properties: [PROPERTY],
    });
    const page = JSON.parse(await response.text()) as {
      issues: { id: string; fields: Record<string, unknown>; properties?: Record<string, unknown> }[];
    };
    for (const issue of page.issues) {
      values.set(issue.id, [...FIELDS.map((field) => issue.fields[field]), issue.properties?.[PROPERTY]]);
    }
  }
  return values;
}

const hasAllValues = (value: unknown) =>
  Array.isArray(value) && value.length === 4 && value.every((each) => each !== null && each !== undefined);

describe('the board index under rate limits', () => {
  it(
    'ends with every issue’s values, as a run without 429s gives them, in batched writes',
    async () => {
      const clean = await site();
      const cleanRun = await fullReindex(clean.jira, newApp());
      const ids = cleanRun.runs.flatMap(({ job }) => job.issueIds);
      const expected = await valuesOf(clean.jira, ids);

      const limited = await site({ limitEvery: 5 });
      const run = await fullReindex(limited.jira, newApp());
      expect(run.runs.flatMap(({ run: each }) => each.failures)).toEqual([]);
      expect(limited.writes.filter((write) => write.status === 429).length).toBeGreaterThan(0);
      const actual = await valuesOf(limited.jira, ids);
      expect(actual.size).toBe(ids.length);
      expect([...actual.values()].every(hasAllValues)).toBe(true);
      expect(actual).toEqual(expected);

      // Batched: the requests a job's writes need, whatever was refused and sent again; none per issue.
      const sent = limited.writes.filter((write) => write.status !== 429);
      const batches = run.runs.reduce(
        (sum, { run: each }) =>
          sum +
          Math.ceil((3 * each.written) / APP_FIELD_PAIRS_PER_REQUEST) +
          Math.ceil(each.written / INDEX_ISSUES_PER_REQUEST),
        0,
      );
      expect(sent.length).toBe(batches);
      expect(sent.length * 20).toBeLessThan(ids.length);
    },
    TEST_TIMEOUT_MS,
  );
});

describe('the board index when a job runs out of time', () => {
  it(
    'leaves what it could not write to the next run, which writes that and nothing else',
    async () => {
      let skewMs = 0;
      let writesLeft = Infinity;
      const now = () => Date.now() + skewMs;
      // After a few writes the consumer's 780 s budget is gone (Jira was slow): nothing more is sent.
      const { jira, writes } = await site({
        onWrite: () => {
          if (--writesLeft === 0) skewMs += 3_600_000;
        },
      });
      const app = newApp();
      const queue = new DrainingQueue();
      await reconcileIndex({ jira, queue, index: app.index, now });
      const job = queue.waiting[0]!;
      const ids = job.issueIds;

      // The job's app-field writes go out first, then its property writes: the deadline falls among the latter.
      writesLeft = 10;
      const cut = await consumeIndexJob({ jira, ...app, queue, log: () => {}, now }, job);
      expect(cut?.written).toBeGreaterThan(0);
      expect(cut?.written).toBeLessThan(ids.length);
      expect(cut?.failures.join('\n')).toMatch(/no time left/);

      writes.length = 0;
      const rest = await consumeIndexJob({ jira, ...app, queue, log: () => {}, now }, job);
      expect(rest?.failures).toEqual([]);
      expect(rest?.written).toBe(ids.length - (cut?.written ?? 0));
      const rewritten = new Set(
        writes.filter((write) => write.route === PROPERTY_WRITES).flatMap((write) => write.issueIds),
      );
      expect(rewritten.size).toBe(ids.length - (cut?.written ?? 0));
      const values = await valuesOf(jira, ids);
      expect(ids.filter((id) => !hasAllValues(values.get(id)))).toEqual([]);

      writes.length = 0;
      const again = await consumeIndexJob({ jira, ...app, queue, log: () => {}, now }, job);
      expect(again?.written).toBe(0);
      expect(writes).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
