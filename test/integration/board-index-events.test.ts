/**
 * The board index kept current by Jira's events: Forge's payloads read into index events, jobs on the queue within
 * Forge's limits, the consumer recomputing what an event touches (and the downstream issues of a status change),
 * a hostile job refused, and the daily reconcile putting every open-sprint issue back on the queue.
 */
import {
  consumeIndexJob,
  enqueue,
  IDS_PER_JOB,
  reconcileIndex,
  toIndexEvent,
  type IndexJob,
  type IndexQueue,
} from '../../src/app/index-events';
import { indexIssues } from '../../src/app/index-issues';
import { createBasicAuthSeam } from '../../src/jira/fetch-seam';
import { demoSite, parseWorkspace, type Workspace } from '../../src/simulator';
import { BoardIndexStore } from '../../src/storage/board-index-store';
import { ConfigRepository } from '../../src/storage/config-repository';
import { MemoryStore } from '../../src/storage/key-value-store';
import { simulatorsPerTest } from './support/harness';

const APP = { email: 'app@example.com', apiToken: 'app-token' };
const HANDOFF = 'customfield_10951';
const startSimulator = simulatorsPerTest();

class RecordingQueue implements IndexQueue {
  readonly pushes: IndexJob[][] = [];
  readonly delays: (number | undefined)[] = [];
  async push(jobs: readonly IndexJob[], options: { delayInSeconds?: number } = {}): Promise<void> {
    this.pushes.push([...jobs]);
    this.delays.push(options.delayInSeconds);
  }
  get jobs(): IndexJob[] {
    return this.pushes.flat();
  }
}

function idOf(workspace: Workspace, key: string): string {
  const issue = workspace.issues.find((each) => each.key === key);
  if (!issue) throw new Error(`no ${key}`);
  return String(issue.id);
}

describe("Forge's events, as the board index reads them", () => {
  it('reads a status change from associatedStatuses, and any other update as the issue alone', () => {
    expect(
      toIndexEvent({
        eventType: 'avi:jira:updated:issue',
        issue: { id: '10104', key: 'CV-104', fields: {} },
        associatedStatuses: [
          { id: '3', name: 'Done', statusCategory: { key: 'done' } },
          { id: '2', name: 'In Review', statusCategory: { key: 'indeterminate' } },
        ],
        changelog: { items: [{ field: 'status', fieldId: 'status' }] },
      }),
    ).toEqual({
      kind: 'issue-updated',
      issueId: '10104',
      statusCategory: { from: 'indeterminate', to: 'done' },
    });
    expect(
      toIndexEvent({
        eventType: 'avi:jira:updated:issue',
        issue: { id: '10104', key: 'CV-104' },
        changelog: { items: [{ field: 'labels', fieldId: 'labels' }] },
      }),
    ).toEqual({ kind: 'issue-updated', issueId: '10104' });
  });

  it('reads link events by both ends, ids as strings or numbers', () => {
    expect(
      toIndexEvent({
        eventType: 'avi:jira:deleted:issuelink',
        id: 7,
        sourceIssueId: 10104,
        destinationIssueId: '10101',
        issueLinkType: { id: '1', name: 'Blocks' },
      }),
    ).toEqual({ kind: 'link-deleted', sourceIssueId: '10104', destinationIssueId: '10101' });
  });

  it('ignores what it does not read, and ids that are not Jira ids', () => {
    expect(toIndexEvent({ eventType: 'avi:jira:created:comment', issue: { id: '1' } })).toBeNull();
    expect(toIndexEvent({ eventType: 'avi:jira:created:issue', issue: { id: '../../x' } })).toBeNull();
    expect(toIndexEvent('avi:jira:created:issue')).toBeNull();
  });

  it.each([
    ['5-digit', 10_000],
    ['12-digit', 100_000_000_000],
  ])(
    'puts work on the queue in jobs Forge accepts: at most 500 ids a job, 50 jobs and 200 KB a push (%s ids)',
    async (_, first) => {
      const queue = new RecordingQueue();
      const ids = Array.from({ length: 30_001 }, (_, i) => String(first + i));
      const jobs = await enqueue(queue, { issueIds: [...ids, ...ids.slice(0, 10)] });
      expect(jobs).toBe(Math.ceil(30_001 / IDS_PER_JOB));
      expect(queue.pushes.reduce((sum, push) => sum + push.length, 0)).toBe(jobs);
      expect(Math.max(...queue.pushes.map((push) => push.length))).toBeLessThanOrEqual(50);
      expect(Math.max(...queue.jobs.map((job) => job.issueIds.length))).toBe(IDS_PER_JOB);
      expect(new Set(queue.jobs.flatMap((job) => job.issueIds)).size).toBe(30_001);
      // Forge's limit a push is 200 KB.
      for (const push of queue.pushes) expect(JSON.stringify(push).length).toBeLessThan(200 * 1024);
    },
  );
});

describe('the board index consumer on the demo site', () => {
  async function setUp(workspace: Workspace) {
    const simulator = await startSimulator({ workspace: { ...workspace, credentials: APP } });
    const jira = createBasicAuthSeam({ site: simulator.url, ...APP });
    return { simulator, jira };
  }

  it('recomputes the downstream issue of an issue moved to Done', async () => {
    const before = parseWorkspace(demoSite());
    const store = new MemoryStore();
    const index = new BoardIndexStore(store);
    const configs = new ConfigRepository(new MemoryStore());
    const first = await setUp(before);
    await indexIssues({ jira: first.jira, configs, index }, [idOf(before, 'CV-104'), idOf(before, 'CV-101')]);

    const done = before.statuses?.find((status) => status.categoryKey === 'done')?.name ?? 'Done';
    const after: Workspace = {
      ...before,
      issues: before.issues.map((issue) =>
        issue.key === 'CV-104' ? { ...issue, status: done, changelog: [] } : issue,
      ),
    };
    const second = await setUp(after);
    const queue = new RecordingQueue();
    const job: IndexJob = {
      v: 1,
      attempt: 0,
      events: [
        {
          kind: 'issue-updated',
          issueId: idOf(after, 'CV-104'),
          statusCategory: { from: 'indeterminate', to: 'done' },
        },
      ],
      issueIds: [],
    };
    const run = await consumeIndexJob({ jira: second.jira, configs, index, queue, log: () => {} }, job);
    // CV-104 and the two issues waiting on it: CV-101 (labels) and CV-124 (hard negatives).
    expect(run?.recomputed).toBe(3);
    const response = await second.jira('POST', '/rest/api/3/issue/bulkfetch', {
      issueIdsOrKeys: ['CV-101'],
      fields: [HANDOFF],
    });
    const page = JSON.parse(await response.text()) as { issues: { fields: Record<string, unknown> }[] };
    expect(page.issues[0]?.fields[HANDOFF]).toBe('Ready');
    expect(await index.status()).toMatchObject({ eventsProcessed: 1, issuesIndexed: 2 });
  });

  it('puts issues it could not write back on the queue, later each time, at most three times', async () => {
    const workspace = parseWorkspace(demoSite());
    const { simulator, jira } = await setUp(workspace);
    const deps = {
      jira,
      configs: new ConfigRepository(new MemoryStore()),
      index: new BoardIndexStore(new MemoryStore()),
      queue: new RecordingQueue(),
      log: () => {},
    };
    const ids = [idOf(workspace, 'CV-101'), idOf(workspace, 'CV-105')];
    // Jira fails every field write for a while.
    simulator.injectFaults({ status: 500, times: 1000, route: '/rest/api/3/app/field/value' });
    const run = await consumeIndexJob(deps, { v: 1, issueIds: ids });
    expect([...(run?.unwritten ?? [])].sort()).toEqual([...ids].sort());
    expect(deps.queue.jobs).toEqual([
      { v: 1, events: [], issueIds: expect.arrayContaining(ids), attempt: 1 },
    ]);
    expect(deps.queue.delays).toEqual([120]);
    // The third retry is the last: what still fails waits for the daily reconcile.
    await consumeIndexJob(deps, { v: 1, issueIds: ids, attempt: 3 });
    expect(deps.queue.jobs).toHaveLength(1);
  });

  it('refuses a job it did not make, asking Jira nothing', async () => {
    const { simulator, jira } = await setUp(parseWorkspace(demoSite()));
    const logged: string[] = [];
    const deps = {
      jira,
      configs: new ConfigRepository(new MemoryStore()),
      index: new BoardIndexStore(new MemoryStore()),
      queue: new RecordingQueue(),
      log: (message: string) => logged.push(message),
    };
    simulator.resetStats();
    for (const body of [
      'recompute everything',
      { v: 1, issueIds: ['CV-101'] },
      { v: 2, issueIds: ['10101'] },
      { v: 1, issueIds: Array.from({ length: IDS_PER_JOB + 1 }, (_, i) => String(i)) },
    ]) {
      expect(await consumeIndexJob(deps, body)).toBeNull();
    }
    expect(logged).toHaveLength(4);
    expect(logged.every((line) => line.startsWith('ML Lanes refused a board index job'))).toBe(true);
    expect(simulator.stats().requests).toBe(0);
  });

  it('puts every issue in open sprints on the queue once a day, and records when', async () => {
    const workspace = parseWorkspace(demoSite());
    const { jira } = await setUp(workspace);
    const queue = new RecordingQueue();
    const index = new BoardIndexStore(new MemoryStore());
    const now = () => Date.parse('2026-11-30T10:00:00Z');
    const result = await reconcileIndex({ jira, queue, index, now });
    const openSprints = new Set(
      (workspace.sprints ?? []).filter((sprint) => sprint.state !== 'closed').map((sprint) => sprint.id),
    );
    // Sub-tasks are in their parent's sprint, as in Jira.
    const sprintsOf = (key: string | null): number[] =>
      workspace.issues.find((issue) => issue.key === key)?.sprintIds ?? [];
    // Jira leaves out what the caller may not browse (the demo hides one issue from its user).
    const inOpenSprints = workspace.issues.filter(
      (issue) =>
        issue.visibleToUser &&
        !issue.vanished &&
        (issue.subtask ? sprintsOf(issue.parentKey) : issue.sprintIds).some((id) => openSprints.has(id)),
    );
    expect(result.issues).toBe(inOpenSprints.length);
    expect(queue.jobs.flatMap((job) => job.issueIds).sort()).toEqual(
      inOpenSprints.map((issue) => String(issue.id)).sort(),
    );
    expect(await index.status()).toMatchObject({ lastFullReindexAt: '2026-11-30T10:00:00.000Z' });
  });
});
