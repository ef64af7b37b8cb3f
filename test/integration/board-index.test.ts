/**
 * The board index end to end on the simulator: issues recomputed as the app, their app fields and `ml-lanes-state`
 * written in batches, unchanged values not written again, and a status change upstream turning its downstream
 * issue from blocked to ready once the fan-out recomputes it.
 */
import { indexIssues } from '../../src/app/index-issues';
import { issuesToRecompute } from '../../src/domain/index-fanout';
import { JiraError } from '../../src/errors';
import { createBasicAuthSeam } from '../../src/jira/fetch-seam';
import { demoSite, parseWorkspace, type Workspace } from '../../src/simulator';
import { BoardIndexStore, linkIndexOf } from '../../src/storage/board-index-store';
import { defaultConfig } from '../../src/config/defaults';
import { ConfigRepository } from '../../src/storage/config-repository';
import { MemoryStore } from '../../src/storage/key-value-store';
import { simulatorsPerTest } from './support/harness';

const APP = { email: 'app@example.com', apiToken: 'app-token' };
const LANE = 'customfield_10950';
const HANDOFF = 'customfield_10951';
const DOD = 'customfield_10952';
const WRITES = 'POST /rest/api/3/app/field/value';

const startSimulator = simulatorsPerTest();

/** The demo site, with `key` moved to a Done status when `done` is given. */
function site(done?: string): Workspace {
  const workspace = parseWorkspace(demoSite());
  if (!done) return workspace;
  const doneStatus = workspace.statuses?.find((status) => status.categoryKey === 'done')?.name ?? 'Done';
  return {
    ...workspace,
    // Its recorded history ended elsewhere: dropped, since only its status matters here.
    issues: workspace.issues.map((issue) =>
      issue.key === done ? { ...issue, status: doneStatus, changelog: [] } : issue,
    ),
  };
}

async function start(workspace: Workspace) {
  const simulator = await startSimulator({ workspace: { ...workspace, credentials: APP } });
  const jira = createBasicAuthSeam({ site: simulator.url, ...APP });
  const read = async (keys: string[]) => {
    const response = await jira('POST', '/rest/api/3/issue/bulkfetch', {
      issueIdsOrKeys: keys,
      fields: [LANE, HANDOFF, DOD],
      properties: ['ml-lanes-state'],
    });
    const page = JSON.parse(await response.text()) as {
      issues: {
        id: string;
        key: string;
        fields: Record<string, unknown>;
        properties?: Record<string, unknown>;
      }[];
    };
    return new Map(page.issues.map((issue) => [issue.key, issue]));
  };
  return { simulator, jira, read };
}

function idsOf(workspace: Workspace, keys: string[]): string[] {
  return keys.map((key) => {
    const issue = workspace.issues.find((each) => each.key === key);
    if (!issue) throw new Error(`no ${key} in the demo site`);
    return String(issue.id);
  });
}

describe('the board index on the demo site', () => {
  const keys = ['CV-101', 'CV-104', 'CV-105', 'CV-110'];

  it('writes each issue’s lane, handoff state and DoD progress, naming lanes and counts only', async () => {
    const workspace = site();
    const { jira, read } = await start(workspace);
    const index = new BoardIndexStore(new MemoryStore());
    const run = await indexIssues(
      { jira, configs: new ConfigRepository(new MemoryStore()), index },
      idsOf(workspace, keys),
    );
    expect(run).toMatchObject({ recomputed: 4, written: 4, unchanged: 0, gone: [], failures: [] });
    const issues = await read(keys);
    // CV-101 (data) waits on the labeling-tool bug CV-104, a code issue still in review.
    expect(issues.get('CV-101')?.fields).toMatchObject({
      [LANE]: 'Data',
      [HANDOFF]: 'Blocked · waits on 1: Code',
      [DOD]: expect.stringMatching(/^\d+\/\d+$/),
    });
    expect(issues.get('CV-101')?.properties?.['ml-lanes-state']).toMatchObject({
      lane: 'data',
      blocked: 'yes',
      waitingOn: 1,
    });
    expect(issues.get('CV-110')?.fields).toMatchObject({ [LANE]: '—', [HANDOFF]: '—' });
    // Written as the app for everyone who can see the fields: no issue's key in any value.
    for (const issue of issues.values()) {
      expect(JSON.stringify([issue.fields, issue.properties])).not.toMatch(/CV-\d+/);
    }
  });

  it('does not write values that did not change', async () => {
    const workspace = site();
    const { simulator, jira } = await start(workspace);
    const deps = {
      jira,
      configs: new ConfigRepository(new MemoryStore()),
      index: new BoardIndexStore(new MemoryStore()),
    };
    await indexIssues(deps, idsOf(workspace, keys));
    simulator.resetStats();
    const again = await indexIssues(deps, idsOf(workspace, keys));
    expect(again).toMatchObject({ recomputed: 4, written: 0, unchanged: 4 });
    expect(simulator.stats().byRoute[WRITES] ?? 0).toBe(0);
  });

  it('turns the downstream issue from blocked to ready when its upstream issue is done', async () => {
    const store = new MemoryStore();
    const configs = new ConfigRepository(new MemoryStore());
    const index = new BoardIndexStore(store);
    const before = site();
    const first = await start(before);
    await indexIssues({ jira: first.jira, configs, index }, idsOf(before, keys));

    // CV-104 moves to Done: Jira sends one "issue updated" event for it alone.
    const after = site('CV-104');
    const second = await start(after);
    const [bugId] = idsOf(after, ['CV-104']);
    const records = await index.load(idsOf(after, keys));
    const toRecompute = issuesToRecompute(
      [{ kind: 'issue-updated', issueId: bugId!, statusCategory: { from: 'indeterminate', to: 'done' } }],
      linkIndexOf(records),
    );
    expect(toRecompute).toEqual(expect.arrayContaining(idsOf(after, ['CV-104', 'CV-101'])));
    await indexIssues({ jira: second.jira, configs, index }, toRecompute);
    const issues = await second.read(['CV-101']);
    // The simulator keeps written values per process: the second site starts empty, so only recomputed issues
    // have values, and CV-101 is among them.
    expect(issues.get('CV-101')?.fields[HANDOFF]).toBe('Ready');
    expect(issues.get('CV-101')?.properties?.['ml-lanes-state']).toMatchObject({
      blocked: 'no',
      handoff: 'ready',
    });
  });

  it('forgets an issue Jira no longer has, and names its downstream issues to recompute', async () => {
    const workspace = site();
    const { jira } = await start(workspace);
    const index = new BoardIndexStore(new MemoryStore());
    const configs = new ConfigRepository(new MemoryStore());
    const [bugId, labelId] = idsOf(workspace, ['CV-104', 'CV-101']);
    await indexIssues({ jira, configs, index }, [bugId!, labelId!]);
    // Deleted meanwhile: Jira no longer returns it.
    const gone = await start({
      ...workspace,
      issues: workspace.issues.map((issue) =>
        issue.key === 'CV-104' ? { ...issue, vanished: true } : issue,
      ),
    });
    const run = await indexIssues({ jira: gone.jira, configs, index }, [bugId!]);
    expect(run.gone).toEqual([bugId]);
    expect(run.followUps).toContain(labelId);
    expect((await index.load([bugId!])).size).toBe(0);
  });

  it('counts upstream work in another project unless the project limits it to its own', async () => {
    // REC-12 (another project, in progress) now blocks CV-110, which had no upstream work.
    const demo = site();
    const workspace: Workspace = {
      ...demo,
      links: [...(demo.links ?? []), { type: 'Blocks', outward: 'REC-12', inward: 'CV-110' }],
    };
    const { jira, read } = await start(workspace);
    const [issueId] = idsOf(workspace, ['CV-110']);
    const configs = new ConfigRepository(new MemoryStore());
    await indexIssues({ jira, configs, index: new BoardIndexStore(new MemoryStore()) }, [issueId!]);
    expect((await read(['CV-110'])).get('CV-110')?.fields[HANDOFF]).toMatch(/^Blocked · waits on 1: /);

    await configs.save(
      { projectKey: 'CV' },
      { ...defaultConfig(), boardIndex: { sameProjectOnly: true } },
      0,
      'admin',
    );
    await indexIssues({ jira, configs, index: new BoardIndexStore(new MemoryStore()) }, [issueId!]);
    expect((await read(['CV-110'])).get('CV-110')?.fields[HANDOFF]).toBe('—');
  });

  it('writes nothing for an issue whose upstream work could not be read in time, and tries it again', async () => {
    const workspace = site();
    const { jira, read } = await start(workspace);
    const [labelId, bugId] = idsOf(workspace, ['CV-101', 'CV-104']);
    // Jira runs out of time on the read of CV-101's upstream issue (CV-104), outside the issues asked for.
    const slowUpstream: typeof jira = (method, path, body, init) => {
      const asked = (body as { issueIdsOrKeys?: string[] } | undefined)?.issueIdsOrKeys ?? [];
      if (
        path.startsWith('/rest/api/3/issue/bulkfetch') &&
        asked.includes(bugId!) &&
        !asked.includes(labelId!)
      ) {
        return Promise.reject(new JiraError('timeout', 'Jira did not answer in time', null, 'bulkfetch'));
      }
      return jira(method, path, body, init);
    };
    const index = new BoardIndexStore(new MemoryStore());
    const run = await indexIssues(
      { jira: slowUpstream, configs: new ConfigRepository(new MemoryStore()), index },
      [labelId!],
    );
    expect(run).toMatchObject({ written: 0, unwritten: [labelId] });
    // Not written as blocked by an issue it knows nothing about, and not remembered as done.
    expect((await read(['CV-101'])).get('CV-101')?.fields[HANDOFF] ?? null).toBeNull();
    expect((await index.load([labelId!])).size).toBe(0);
  });
});
