/**
 * The board index kept current end to end, as in Forge: a change made through the simulator's own endpoints sends
 * the event Jira would, the app's trigger puts it on the queue, and the consumer recomputes the issues it touches.
 * Moving the upstream issue to Done, or deleting the link, clears the downstream issue's blocked state.
 */
import { consumeIndexJob, type IndexJob, type IndexQueue } from '../../src/app/index-events';
import { indexIssues } from '../../src/app/index-issues';
import { createIndexTrigger } from '../../src/forge/board-index-handlers';
import { createBasicAuthSeam } from '../../src/jira/fetch-seam';
import type { JiraRequest } from '../../src/jira/seam';
import { demoSite, parseWorkspace, type RunningSimulator } from '../../src/simulator';
import { BoardIndexStore } from '../../src/storage/board-index-store';
import { ConfigRepository } from '../../src/storage/config-repository';
import { MemoryStore } from '../../src/storage/key-value-store';
import { simulatorsPerTest } from './support/harness';

const APP = { email: 'app@example.com', apiToken: 'app-token' };
const HANDOFF = 'customfield_10951';
const demo = parseWorkspace(demoSite());
const idOf = (key: string) => demo.issues.find((issue) => issue.key === key)?.id ?? 'missing';
const startSimulator = simulatorsPerTest();

/** Forge's queue, held in the test: jobs wait until `drain` hands them to the consumer, one at a time. */
class HeldQueue implements IndexQueue {
  readonly jobs: IndexJob[] = [];
  async push(jobs: readonly IndexJob[]): Promise<void> {
    this.jobs.push(...jobs);
  }
}

async function setUp() {
  const simulator = await startSimulator({ workspace: { ...demoSite(), credentials: APP } });
  const jira = createBasicAuthSeam({ site: simulator.url, ...APP });
  const queue = new HeldQueue();
  const trigger = createIndexTrigger(queue, () => {});
  const triggered: Promise<void>[] = [];
  simulator.onEvent((event) => triggered.push(trigger(event)));
  const deps = {
    jira,
    configs: new ConfigRepository(new MemoryStore()),
    index: new BoardIndexStore(new MemoryStore()),
    queue,
    log: () => {},
  };
  await indexIssues(deps, [idOf('CV-104'), idOf('CV-101')]);
  /** Waits for the event the last write sent to be queued, then consumes every job, follow-ups included. */
  const drain = async () => {
    for (let tries = 0; queue.jobs.length === 0 && tries < 100; tries++) {
      await Promise.all(triggered);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    if (queue.jobs.length === 0) throw new Error('no event reached the queue within 2 s');
    for (let consumed = 0; queue.jobs.length > 0; consumed++) {
      if (consumed > 20) throw new Error('the queue did not empty after 20 jobs');
      await consumeIndexJob(deps, queue.jobs.shift());
    }
  };
  return { simulator, jira, drain };
}

async function stateOf(jira: JiraRequest, key: string) {
  const fields = await jira('POST', '/rest/api/3/issue/bulkfetch', {
    issueIdsOrKeys: [key],
    fields: [HANDOFF],
  });
  const page = JSON.parse(await fields.text()) as { issues: { fields: Record<string, unknown> }[] };
  const property = await jira('GET', `/rest/api/3/issue/${key}/properties/ml-lanes-state`);
  const state = (JSON.parse(await property.text()) as { value: { blocked: string } }).value;
  return { handoff: page.issues[0]?.fields[HANDOFF], blocked: state.blocked };
}

async function send(simulator: RunningSimulator, method: 'POST' | 'DELETE', path: string, body?: unknown) {
  const response = await fetch(`${simulator.url}${path}`, {
    method,
    headers: {
      Authorization: `Basic ${Buffer.from(`${APP.email}:${APP.apiToken}`).toString('base64')}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
}

describe('the board index, driven by the simulator’s events', () => {
  it('clears blocked on the downstream issue once its upstream issue is moved to Done', async () => {
    const { simulator, jira, drain } = await setUp();
    // CV-104 (the labeling tool fix, in review) blocks CV-101 (the labeling).
    expect(await stateOf(jira, 'CV-101')).toMatchObject({
      blocked: 'yes',
      handoff: expect.stringMatching(/^Blocked/),
    });

    const transitions = await jira('GET', '/rest/api/3/issue/CV-104/transitions');
    const done = (
      JSON.parse(await transitions.text()) as { transitions: { id: string; name: string }[] }
    ).transitions.find((transition) => transition.name === 'Done');
    await send(simulator, 'POST', '/rest/api/3/issue/CV-104/transitions', { transition: { id: done?.id } });
    await drain();

    expect(await stateOf(jira, 'CV-101')).toEqual({ blocked: 'no', handoff: 'Ready' });
  });

  it('clears blocked on the downstream issue once the link is deleted', async () => {
    const { simulator, jira, drain } = await setUp();
    expect(await stateOf(jira, 'CV-101')).toMatchObject({ blocked: 'yes' });

    const issue = await jira('POST', '/rest/api/3/issue/bulkfetch', {
      issueIdsOrKeys: ['CV-101'],
      fields: ['issuelinks'],
    });
    const links = (
      JSON.parse(await issue.text()) as {
        issues: { fields: { issuelinks: { id: string; inwardIssue?: { key: string } }[] } }[];
      }
    ).issues[0]?.fields.issuelinks;
    const link = links?.find((each) => each.inwardIssue?.key === 'CV-104');
    await send(simulator, 'DELETE', `/rest/api/3/issueLink/${link?.id ?? 'missing'}`);
    await drain();

    expect(await stateOf(jira, 'CV-101')).toMatchObject({ blocked: 'no' });
  });
});
