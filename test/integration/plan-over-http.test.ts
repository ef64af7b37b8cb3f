/** The adapter end to end over real HTTP against the Jira simulator: paging, retries, links, visibility. */
import { defaultConfig } from '../../src/config/defaults';
import type { MlLanesConfig } from '../../src/config/schema';
import { buildPlan } from '../../src/domain/plan';
import { JiraClient } from '../../src/jira/client';
import { createBasicAuthSeam } from '../../src/jira/fetch-seam';
import type { JiraRequest } from '../../src/jira/seam';
import { loadPlanSnapshot } from '../../src/jira/load-plan-snapshot';
import type { RunningSimulator } from '../../src/simulator';
import { simulatorsPerTest } from './support/harness';
import { TINY, TINY_AUTH, tinyIssue, tinySite } from './support/tiny-site';

const simulate = simulatorsPerTest();

function clientFor(simulator: RunningSimulator, waits: number[] = []): JiraClient {
  return new JiraClient(createBasicAuthSeam({ site: simulator.url, ...TINY_AUTH }), {
    sleep: async (ms) => void waits.push(ms),
  });
}

async function plan(
  simulator: RunningSimulator,
  config: MlLanesConfig = defaultConfig(),
  client = clientFor(simulator),
) {
  const snapshot = await loadPlanSnapshot(client, {
    site: simulator.url,
    boardId: TINY.boardId,
    sprint: 'default',
    config,
  });
  return buildPlan(snapshot, config);
}

describe('reading a sprint from Jira', () => {
  it('follows nextPageToken across pages however small Jira makes them', async () => {
    const issues = Array.from({ length: 7 }, (_, i) => tinyIssue(`TY-${i + 1}`, { labels: ['lane:data'] }));
    const simulator = await simulate({ workspace: tinySite(issues), maxSearchPageSize: 3 });
    const result = await plan(simulator);
    expect(result.issues.map((issue) => issue.key)).toEqual(issues.map((issue) => issue.key));
    expect(simulator.stats().byRoute['POST /rest/api/3/search/jql']).toBe(3);
  });

  it('asks for issue details in batches of 100, never one request per issue', async () => {
    const issues = Array.from({ length: 250 }, (_, i) => tinyIssue(`TY-${i + 1}`));
    const simulator = await simulate({ workspace: tinySite(issues) });
    const result = await plan(simulator);
    expect(result.summary.issues).toBe(250);
    expect(simulator.stats().byRoute['POST /rest/api/3/issue/bulkfetch']).toBe(3);
  });

  it('waits out a 429 storm with Retry-After and then plans normally', async () => {
    const simulator = await simulate({ workspace: tinySite([tinyIssue('TY-1')]) });
    simulator.injectFaults({ status: 429, retryAfterSeconds: 2, times: 2, route: '/rest/api/3/search/jql' });
    const waits: number[] = [];
    const result = await plan(simulator, defaultConfig(), clientFor(simulator, waits));
    expect(result.summary.issues).toBe(1);
    expect(waits).toEqual([2000, 2000]);
  });

  it('takes link direction from the link: outward blocks inward, read from either issue', async () => {
    const simulator = await simulate({
      workspace: tinySite(
        [
          tinyIssue('TY-1', { labels: ['lane:data'], status: 'In Progress' }),
          tinyIssue('TY-2', { labels: ['lane:model'] }),
          tinyIssue('TY-3', { labels: ['lane:test'] }),
        ],
        [
          { type: 'Blocks', outward: 'TY-1', inward: 'TY-2' },
          { type: 'Blocks', outward: 'TY-2', inward: 'TY-3' },
          { type: 'Relates', outward: 'TY-3', inward: 'TY-1' },
        ],
      ),
    });
    const result = await plan(simulator);
    expect(result.handoffs.map(({ from, to, fromLane, toLane }) => ({ from, to, fromLane, toLane }))).toEqual(
      expect.arrayContaining([
        { from: 'TY-1', to: 'TY-2', fromLane: 'data', toLane: 'model' },
        { from: 'TY-2', to: 'TY-3', fromLane: 'model', toLane: 'test' },
      ]),
    );
    // Each link shows on both issues; Relates is not a dependency.
    expect(result.handoffs).toHaveLength(2);
    expect(result.criticalChain).toEqual(['TY-1', 'TY-2', 'TY-3']);
  });

  it('reads a configured link type whose inward side is upstream ("depends on")', async () => {
    const simulator = await simulate({
      workspace: tinySite(
        [tinyIssue('TY-1', { labels: ['lane:model'] }), tinyIssue('TY-2', { labels: ['lane:data'] })],
        [{ type: 'Depends', outward: 'TY-1', inward: 'TY-2' }],
      ),
    });
    const config = defaultConfig();
    config.dependencyLinkTypes = [{ name: 'Depends', upstream: 'inward' }];
    const result = await plan(simulator, config);
    expect(result.handoffs).toMatchObject([{ from: 'TY-2', to: 'TY-1', blocked: true }]);
  });

  it('pulls in linked issues from the next sprint and the backlog, in batches, and says where they are', async () => {
    const simulator = await simulate({
      workspace: tinySite(
        [
          tinyIssue('TY-1', { labels: ['lane:model'] }),
          tinyIssue('TY-2', { labels: ['lane:data'], sprintIds: [TINY.nextSprintId] }),
          tinyIssue('TY-3', { labels: ['lane:deploy'], sprintIds: [] }),
        ],
        [
          { type: 'Blocks', outward: 'TY-2', inward: 'TY-1' },
          { type: 'Blocks', outward: 'TY-3', inward: 'TY-1' },
        ],
      ),
    });
    const result = await plan(simulator);
    const byKey = new Map(result.issues.map((issue) => [issue.key, issue]));
    expect(byKey.get('TY-2')).toMatchObject({ inScope: false, sprintName: 'Tiny 2', lane: 'data' });
    expect(byKey.get('TY-3')).toMatchObject({ inScope: false, sprintName: null, lane: 'deploy' });
    expect(result.handoffs.every((handoff) => handoff.reasons.includes('upstream-outside-sprint'))).toBe(
      true,
    );
    expect(simulator.stats().byRoute['POST /rest/api/3/issue/bulkfetch']).toBe(2);
  });

  it.each(['issueErrors', 'omit'] as const)(
    'keeps a vanished upstream as hidden (bulkfetch reports it via %s), and never shows one the user cannot browse',
    async (missingInBulkfetch) => {
      const simulator = await simulate({
        missingInBulkfetch,
        workspace: tinySite(
          [
            tinyIssue('TY-1', { labels: ['lane:test'] }),
            tinyIssue('TY-8', { summary: 'Secret HR work', visibleToUser: false, sprintIds: [] }),
            tinyIssue('TY-9', { summary: 'Deleted meanwhile', vanished: true, sprintIds: [] }),
          ],
          [
            { type: 'Blocks', outward: 'TY-8', inward: 'TY-1' },
            { type: 'Blocks', outward: 'TY-9', inward: 'TY-1' },
          ],
        ),
      });
      const result = await plan(simulator);
      expect(result.issues.map((issue) => issue.key)).toEqual(['TY-1', 'TY-9']);
      expect(result.issues[1]).toMatchObject({ hidden: true, summary: '', lane: null });
      expect(result.handoffs).toMatchObject([
        { from: 'TY-9', to: 'TY-1', blocked: true, reasons: ['upstream-hidden'] },
      ]);
      expect(JSON.stringify(result)).not.toContain('Secret HR work');
    },
  );

  it('lets sub-tasks inherit the lane of their parent', async () => {
    // Sub-tasks carry no sprint of their own: Jira keeps them in their parent's sprint.
    const simulator = await simulate({
      workspace: tinySite([
        tinyIssue('TY-1', { summary: 'Label street signs', components: ['Data'] }),
        tinyIssue('TY-2', {
          summary: 'Batch A',
          issueType: 'Sub-task',
          subtask: true,
          parentKey: 'TY-1',
          sprintIds: [],
        }),
        tinyIssue('TY-3', {
          summary: 'Batch B: retrain model',
          issueType: 'Sub-task',
          subtask: true,
          parentKey: 'TY-1',
          sprintIds: [],
        }),
      ]),
    });
    const result = await plan(simulator);
    const lanes = Object.fromEntries(result.issues.map((issue) => [issue.key, [issue.lane, issue.laneRule]]));
    expect(lanes['TY-1']).toEqual(['data', 'component "Data" matches keyword "data"']);
    expect(lanes['TY-2']?.[0]).toBe('data');
    expect(lanes['TY-2']?.[1]).toMatch(/inherited from parent TY-1/);
    expect(lanes['TY-3']?.[0]).toBe('model');
  });

  it('evaluates the Definition of Done from the fields the site has and says which are missing', async () => {
    const simulator = await simulate({
      workspace: tinySite(
        [tinyIssue('TY-1', { labels: ['lane:data'], fields: { [TINY.iaa]: 97 } })],
        [],
        [{ id: TINY.iaa, name: 'Inter-annotator agreement', schemaType: 'number' }],
      ),
    });
    const result = await plan(simulator);
    const items = Object.fromEntries(result.issues[0]!.dod.items.map((item) => [item.id, item]));
    expect(items.iaa).toMatchObject({ met: false });
    expect(items.iaa?.detail).toMatch(/0\.97.*0\.98/);
    expect(items['labeling-accuracy']).toMatchObject({ met: false });
    expect(items['labeling-accuracy']?.detail).toMatch(/does not exist on this site/);
  });

  it('classifies by a custom field a conditions rule names, fetching that field and no unused one', async () => {
    const simulator = await simulate({
      workspace: tinySite(
        [
          tinyIssue('TY-1', { summary: 'Tune anchors', fields: { [TINY.modelFamily]: 'ResNet' } }),
          tinyIssue('TY-2', { summary: 'Tune anchors', fields: { [TINY.modelFamily]: 'ViT' } }),
          tinyIssue('TY-3', { summary: 'Tune anchors', fields: { [TINY.notes]: 'resnet' } }),
        ],
        [],
        [
          { id: TINY.modelFamily, name: 'Model family', schemaType: 'option' },
          { id: TINY.notes, name: 'Notes', schemaType: 'string' },
        ],
      ),
    });
    const config = defaultConfig();
    config.rules.unshift({
      kind: 'conditions',
      lane: 'model',
      match: 'all',
      conditions: [
        { op: 'equals', field: 'customField', fieldId: 'model family', value: 'resnet' },
        { op: 'equals', field: 'project', value: 'TY' },
      ],
    });
    const requestedFields: string[][] = [];
    const seam = createBasicAuthSeam({ site: simulator.url, ...TINY_AUTH });
    const recording: JiraRequest = (method, path, body) => {
      if (path === '/rest/api/3/issue/bulkfetch') requestedFields.push((body as { fields: string[] }).fields);
      return seam(method, path, body);
    };
    const result = await plan(simulator, config, new JiraClient(recording));
    const lanes = Object.fromEntries(result.issues.map((issue) => [issue.key, [issue.lane, issue.laneRule]]));
    expect(lanes['TY-1']).toEqual(['model', 'all of: field "Model family" is "ResNet", project is "TY"']);
    expect(lanes['TY-2']?.[0]).toBeNull();
    expect(lanes['TY-3']?.[0]).toBeNull();
    expect(requestedFields).not.toHaveLength(0);
    for (const fields of requestedFields) {
      expect(fields).toContain(TINY.modelFamily);
      expect(fields).not.toContain(TINY.notes);
    }
  });

  it('reports a dependency cycle and finishes', async () => {
    const simulator = await simulate({
      workspace: tinySite(
        ['data', 'model', 'test'].map((lane, i) => tinyIssue(`TY-${i + 1}`, { labels: [`lane:${lane}`] })),
        [
          { type: 'Blocks', outward: 'TY-1', inward: 'TY-2' },
          { type: 'Blocks', outward: 'TY-2', inward: 'TY-3' },
          { type: 'Blocks', outward: 'TY-3', inward: 'TY-1' },
        ],
      ),
    });
    const result = await plan(simulator);
    expect(result.cycles).toEqual([['TY-1', 'TY-2', 'TY-3']]);
    expect(result.handoffs).toHaveLength(3);
    expect(result.handoffs.every((handoff) => handoff.reasons.includes('cycle'))).toBe(true);
  });

  it('copes with 2,000 links on one issue', async () => {
    const blockers = Array.from({ length: 2000 }, (_, i) =>
      tinyIssue(`TY-${i + 2}`, {
        labels: ['lane:data'],
        status: i % 2 ? 'Done' : 'In Progress',
        sprintIds: [],
      }),
    );
    const simulator = await simulate({
      workspace: tinySite(
        [tinyIssue('TY-1', { labels: ['lane:model'] }), ...blockers],
        blockers.map((blocker) => ({ type: 'Blocks', outward: blocker.key, inward: 'TY-1' })),
      ),
    });
    const result = await plan(simulator);
    expect(result.handoffs).toHaveLength(2000);
    expect(result.summary.blockedHandoffs).toBe(1000);
    expect(simulator.stats().byRoute['POST /rest/api/3/issue/bulkfetch']).toBe(1 + 20);
  });

  it('keeps HTML in summaries as plain data', async () => {
    const summary = 'Fix <img src=x onerror=alert(1)> in the export';
    const simulator = await simulate({ workspace: tinySite([tinyIssue('TY-1', { summary })]) });
    const result = await plan(simulator);
    expect(result.issues[0]?.summary).toBe(summary);
  });

  it('plans an empty sprint without complaint', async () => {
    const simulator = await simulate({ workspace: tinySite([]) });
    const result = await plan(simulator);
    expect(result.summary).toEqual({
      issues: 0,
      classified: 0,
      handoffs: 0,
      blockedHandoffs: 0,
      dodMet: 0,
      dodTotal: 0,
    });
    expect(result.scope.sprintName).toBe('Tiny 1');
  });
});

describe('failing clearly', () => {
  it('names a board that does not exist', async () => {
    const simulator = await simulate({ workspace: tinySite([]) });
    const snapshot = loadPlanSnapshot(clientFor(simulator), {
      site: simulator.url,
      boardId: 999,
      sprint: 'default',
      config: defaultConfig(),
    });
    await expect(snapshot).rejects.toMatchObject({
      code: 'not-found',
      message: 'board 999 not found (or you cannot see it)',
    });
  });

  it('names a sprint that does not exist', async () => {
    const simulator = await simulate({ workspace: tinySite([]) });
    const snapshot = loadPlanSnapshot(clientFor(simulator), {
      site: simulator.url,
      boardId: TINY.boardId,
      sprint: 4242,
      config: defaultConfig(),
    });
    await expect(snapshot).rejects.toMatchObject({
      code: 'not-found',
      message: 'sprint 4242 not found (or you cannot see it)',
    });
  });

  it('says when the board has no sprint to plan', async () => {
    const site = tinySite([]);
    site.sprints = [];
    const simulator = await simulate({ workspace: site });
    await expect(plan(simulator)).rejects.toMatchObject({
      code: 'not-found',
      message: `board ${TINY.boardId} (Tiny board) has no active or future sprint`,
    });
  });

  it('reports malformed JSON from Jira with the endpoint', async () => {
    const simulator = await simulate({ workspace: tinySite([tinyIssue('TY-1')]) });
    simulator.injectFaults({ kind: 'malformed-json', times: 1, route: '/rest/api/3/issue/bulkfetch' });
    await expect(plan(simulator)).rejects.toMatchObject({
      code: 'bad-response',
      message: 'POST /rest/api/3/issue/bulkfetch answered with malformed JSON',
    });
  });

  it('reports a refused API token as unauthorized', async () => {
    const simulator = await simulate({ workspace: tinySite([]) });
    const client = new JiraClient(
      createBasicAuthSeam({ site: simulator.url, email: 'qa@example.com', apiToken: 'wrong' }),
    );
    await expect(plan(simulator, defaultConfig(), client)).rejects.toMatchObject({
      code: 'unauthorized',
      status: 401,
    });
  });
});
