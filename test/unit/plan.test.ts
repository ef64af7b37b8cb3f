import { defaultConfig } from '../../src/config/defaults';
import { buildPlan } from '../../src/domain/plan';
import { blocks, hiddenIssue, issue, snapshot } from './support/snapshot-builder';

describe('buildPlan', () => {
  it('describes the sprint it planned', () => {
    const input = snapshot([]);
    input.sprint = {
      id: 12,
      name: 'CV Sprint 12',
      state: 'future',
      goal: 'Ship v2',
      startDate: '2025-03-03T09:00:00.000Z',
      endDate: null,
    };
    expect(buildPlan(input, defaultConfig()).scope).toEqual({
      site: 'example.atlassian.net',
      boardId: 1,
      boardName: 'CV board',
      sprintId: 12,
      sprintName: 'CV Sprint 12',
      sprintState: 'future',
      sprintGoal: 'Ship v2',
      startDate: '2025-03-03T09:00:00.000Z',
      endDate: null,
    });
  });

  it('lists sprint issues first, then linked issues from elsewhere, each in snapshot order', () => {
    const result = buildPlan(
      snapshot([
        issue('CV-1', { inScope: false }),
        issue('CV-3'),
        issue('CV-2', { inScope: false }),
        issue('CV-4'),
      ]),
      defaultConfig(),
    );
    expect(result.issues.map((each) => each.key)).toEqual(['CV-3', 'CV-4', 'CV-1', 'CV-2']);
  });

  it('passes summaries through untouched, markup included', () => {
    const summary = '<img src=x onerror=alert(1)> & "train" the model';
    const result = buildPlan(snapshot([issue('CV-1', { summary })]), defaultConfig());
    expect(result.issues[0]?.summary).toBe(summary);
  });

  it('fills in each issue', () => {
    const result = buildPlan(
      snapshot([
        issue('CV-1', { labels: ['lane:data'], storyPoints: 3, sprintName: 'CV Sprint 7' }),
        issue('CV-2', { labels: ['lane:code'], dodChecked: { reviewed: true } }),
      ]),
      defaultConfig(),
    );
    expect(result.issues[1]).toEqual({
      key: 'CV-2',
      summary: 'Issue CV-2',
      issueType: 'Task',
      lane: 'code',
      laneRule: 'label "lane:code"',
      status: 'To Do',
      statusCategory: 'new',
      storyPoints: null,
      inScope: true,
      hidden: false,
      sprintName: null,
      blocked: false,
      upstreamChain: [],
      dod: {
        met: 1,
        total: 1,
        items: [
          { id: 'reviewed', label: 'Code reviewed and merged', kind: 'manual', met: true, detail: 'ticked' },
        ],
      },
    });
  });

  it('sums up the sprint, counting only sprint issues', () => {
    const result = buildPlan(
      snapshot(
        [
          issue('CV-1', { labels: ['lane:code'], dodChecked: { reviewed: true } }),
          issue('CV-2', { labels: ['lane:test'] }),
          issue('CV-3', { summary: 'Chase vendor' }),
          issue('CV-4', { labels: ['lane:code'], inScope: false, dodChecked: { reviewed: true } }),
          hiddenIssue('SEC-1'),
        ],
        [blocks('CV-1', 'CV-2'), blocks('SEC-1', 'CV-3'), blocks('CV-4', 'CV-1')],
      ),
      defaultConfig(),
    );
    expect(result.summary).toEqual({
      issues: 3,
      classified: 2,
      handoffs: 2,
      blockedHandoffs: 2,
      dodMet: 1,
      dodTotal: 2,
    });
  });
});

describe('lane capacity', () => {
  const config = () => {
    const value = defaultConfig();
    value.capacity = { data: { storyPoints: 5, wipLimit: 1 }, model: { storyPoints: 20, wipLimit: 3 } };
    value.lanes[4] = { id: 'deploy', name: 'Deploy' };
    return value;
  };
  const sprint = snapshot([
    issue('CV-1', { labels: ['lane:data'], storyPoints: 5, statusCategory: 'indeterminate' }),
    issue('CV-2', { labels: ['lane:data'], storyPoints: 3, statusCategory: 'indeterminate' }),
    issue('CV-3', { labels: ['lane:data'], storyPoints: 8, inScope: false, statusCategory: 'indeterminate' }),
    issue('CV-4', { labels: ['lane:model'], storyPoints: 13, statusCategory: 'indeterminate' }),
    issue('CV-5', { labels: ['lane:model'], statusCategory: 'done' }),
  ]);

  it('flags a lane over its story points and WIP limit', () => {
    expect(buildPlan(sprint, config()).lanes[0]).toEqual({
      id: 'data',
      name: 'Data',
      color: '#1D7AFC',
      issues: 2,
      storyPoints: 8,
      inProgress: 2,
      capacity: 5,
      wipLimit: 1,
      overCapacity: true,
      overWipLimit: true,
      // Two data issues, three Definition-of-Done items each (default template), none met.
      dodMet: 0,
      dodTotal: 6,
    });
  });

  it('leaves a lane within its limits unflagged', () => {
    expect(buildPlan(sprint, config()).lanes[1]).toMatchObject({
      id: 'model',
      issues: 2,
      storyPoints: 13,
      inProgress: 1,
      overCapacity: false,
      overWipLimit: false,
    });
  });

  it('lists every lane in configured order, with no limits or colour when none are set', () => {
    const lanes = buildPlan(sprint, config()).lanes;
    expect(lanes.map((lane) => lane.id)).toEqual(['data', 'model', 'code', 'test', 'deploy']);
    expect(lanes[4]).toMatchObject({ color: null, capacity: null, wipLimit: null, overCapacity: false });
  });
});

describe('scale', () => {
  it('plans 20,000 issues with 30,000 random links: every issue in order, the right ones blocked, a cycle named', () => {
    let seed = 42;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const lanes = ['data', 'model', 'code', 'test', 'deploy'];
    const issues = Array.from({ length: 20000 }, (_, i) =>
      issue(`CV-${i + 1}`, {
        summary: `Retrain the model on dataset ${i}`,
        labels: i % 2 === 0 ? [`lane:${lanes[i % 5]}`] : ['team-x'],
        storyPoints: i % 3 === 0 ? null : i % 8,
        statusCategory: i % 4 === 0 ? 'done' : 'new',
        inScope: i % 10 !== 0,
      }),
    );
    // Three issues in three lanes that no random link reaches, waiting on each other: the cycle to name.
    const loop = ['ML-1', 'ML-2', 'ML-3'];
    issues.push(
      issue('ML-1', { labels: ['lane:data'] }),
      issue('ML-2', { labels: ['lane:model'] }),
      issue('ML-3', { labels: ['lane:code'] }),
    );
    const links = [
      ...Array.from({ length: 30000 }, () =>
        blocks(`CV-${Math.floor(random() * 20000) + 1}`, `CV-${Math.floor(random() * 20000) + 1}`),
      ),
      blocks('ML-1', 'ML-2'),
      blocks('ML-2', 'ML-3'),
      blocks('ML-3', 'ML-1'),
    ];
    // Speed is measured by `npm run bench`; this guards correctness at scale.
    const result = buildPlan(snapshot(issues, links), defaultConfig());

    const sprintFirst = [...issues.filter((each) => each.inScope), ...issues.filter((each) => !each.inScope)];
    expect(result.issues.map((each) => each.key)).toEqual(sprintFirst.map((each) => each.key));
    // Blocked: waiting on unfinished work through a link that touches the sprint (worked out the plain way).
    const byKey = new Map(issues.map((each) => [each.key, each]));
    const waiting = new Set<string>();
    for (const { upstream, downstream } of links) {
      const up = byKey.get(upstream)!;
      const down = byKey.get(downstream)!;
      if (upstream !== downstream && (up.inScope || down.inScope) && up.statusCategory !== 'done') {
        waiting.add(downstream);
      }
    }
    const blocked = result.issues.filter((each) => each.blocked).map((each) => each.key);
    expect(blocked.sort()).toEqual([...waiting].sort());
    expect(result.cycles).toContainEqual(loop);
    expect(result.handoffs.filter((handoff) => loop.includes(handoff.to))).toEqual(
      loop.map(() => expect.objectContaining({ blocked: true, reasons: expect.arrayContaining(['cycle']) })),
    );
  });

  it('plans a 20,000-issue dependency chain without overflowing the stack', () => {
    const issues = Array.from({ length: 20000 }, (_, i) => issue(`CV-${i + 1}`));
    const links = issues.slice(1).map((each, i) => blocks(issues[i]!.key, each.key));
    const result = buildPlan(snapshot(issues, links), defaultConfig());
    const keys = issues.map((each) => each.key);
    expect(result.criticalChain).toEqual(keys);
    // Everything waits on the issue before it, except the first.
    expect(result.issues.filter((each) => each.blocked).map((each) => each.key)).toEqual(keys.slice(1));
  });
});
