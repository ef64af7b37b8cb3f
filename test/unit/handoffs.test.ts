import { defaultConfig } from '../../src/config/defaults';
import { buildPlan } from '../../src/domain/plan';
import { blockReasons } from '../../src/domain/handoffs';
import type { Dependency, IssueSnapshot } from '../../src/domain/snapshot';
import { blocks, hiddenIssue, issue, snapshot } from './support/snapshot-builder';

const data = (key: string, overrides: Partial<IssueSnapshot> = {}) =>
  issue(key, { labels: ['lane:data'], ...overrides });
const model = (key: string, overrides: Partial<IssueSnapshot> = {}) =>
  issue(key, { labels: ['lane:model'], ...overrides });

function plan(issues: IssueSnapshot[], dependencies: Dependency[]) {
  return buildPlan(snapshot(issues, dependencies), defaultConfig());
}

describe('handoffs between lanes', () => {
  it('runs from the upstream lane to the downstream lane', () => {
    const result = plan([data('CV-1'), model('CV-2')], [blocks('CV-1', 'CV-2')]);
    expect(result.handoffs).toEqual([
      {
        from: 'CV-1',
        to: 'CV-2',
        fromLane: 'data',
        toLane: 'model',
        linkType: 'Blocks',
        blocked: true,
        reasons: ['upstream-not-started', 'upstream-not-done'],
      },
    ]);
  });

  it('does not count a dependency inside one lane, but it still blocks', () => {
    const result = plan(
      [data('CV-1', { statusCategory: 'indeterminate' }), data('CV-2')],
      [blocks('CV-1', 'CV-2')],
    );
    expect(result.handoffs).toEqual([]);
    const downstream = result.issues.find((each) => each.key === 'CV-2');
    expect(downstream).toMatchObject({ blocked: true, upstreamChain: ['CV-1'] });
  });

  it('treats unclassified as a lane of its own', () => {
    const unclassified = (key: string) => issue(key, { summary: 'Chase vendor' });
    const crossing = plan([unclassified('CV-1'), data('CV-2')], [blocks('CV-1', 'CV-2')]);
    expect(crossing.handoffs).toMatchObject([{ fromLane: null, toLane: 'data' }]);
    const within = plan([unclassified('CV-1'), unclassified('CV-2')], [blocks('CV-1', 'CV-2')]);
    expect(within.handoffs).toEqual([]);
  });

  it('makes a dependency on a hidden issue a blocked handoff with no lane', () => {
    const result = plan([hiddenIssue('SEC-4'), model('CV-2')], [blocks('SEC-4', 'CV-2')]);
    expect(result.handoffs).toEqual([
      {
        from: 'SEC-4',
        to: 'CV-2',
        fromLane: null,
        toLane: 'model',
        linkType: 'Blocks',
        blocked: true,
        reasons: ['upstream-hidden'],
      },
    ]);
  });

  it('says when the upstream work sits outside the sprint', () => {
    const outside = data('CV-1', {
      inScope: false,
      statusCategory: 'indeterminate',
      sprintName: 'CV Sprint 8',
    });
    const result = plan([outside, model('CV-2')], [blocks('CV-1', 'CV-2')]);
    expect(result.handoffs[0]?.reasons).toEqual(['upstream-not-done', 'upstream-outside-sprint']);
  });

  it('is not blocked once the upstream issue is done', () => {
    const result = plan([data('CV-1', { statusCategory: 'done' }), model('CV-2')], [blocks('CV-1', 'CV-2')]);
    expect(result.handoffs).toMatchObject([{ blocked: false, reasons: [] }]);
    expect(result.issues.find((each) => each.key === 'CV-2')?.blocked).toBe(false);
    expect(result.summary.blockedHandoffs).toBe(0);
  });

  it("counts Jira's `undefined` status category as not done", () => {
    const result = plan(
      [data('CV-1', { statusCategory: 'undefined' }), model('CV-2')],
      [blocks('CV-1', 'CV-2')],
    );
    expect(result.handoffs).toMatchObject([{ blocked: true, reasons: ['upstream-not-done'] }]);
  });

  it('ignores a self-link', () => {
    const result = plan([data('CV-1'), model('CV-2')], [blocks('CV-1', 'CV-1')]);
    expect(result.handoffs).toEqual([]);
    expect(result.cycles).toEqual([]);
    expect(result.issues.every((each) => !each.blocked)).toBe(true);
  });

  it('shows a link Jira returned twice as one handoff', () => {
    const result = plan([data('CV-1'), model('CV-2')], [blocks('CV-1', 'CV-2'), blocks('CV-1', 'CV-2')]);
    expect(result.handoffs).toHaveLength(1);
    expect(result.summary.handoffs).toBe(1);
  });

  it('reports a cycle across lanes and marks its handoffs', () => {
    const test = (key: string) => issue(key, { labels: ['lane:test'] });
    const result = plan(
      [data('CV-1'), model('CV-2'), test('CV-3')],
      [blocks('CV-1', 'CV-2'), blocks('CV-2', 'CV-3'), blocks('CV-3', 'CV-1')],
    );
    expect(result.cycles).toEqual([['CV-1', 'CV-2', 'CV-3']]);
    expect(result.handoffs).toHaveLength(3);
    for (const handoff of result.handoffs) expect(handoff.reasons).toContain('cycle');
  });

  it('lists blocked handoffs first, then by downstream key in number order', () => {
    const result = plan(
      [data('CV-1'), data('CV-2', { statusCategory: 'done' }), model('CV-9'), model('CV-10'), model('CV-11')],
      [blocks('CV-2', 'CV-9'), blocks('CV-1', 'CV-11'), blocks('CV-1', 'CV-10')],
    );
    expect(result.handoffs.map((handoff) => handoff.to)).toEqual(['CV-10', 'CV-11', 'CV-9']);
  });

  it('handles 2,000 links on one issue', () => {
    const downstream = Array.from({ length: 2000 }, (_, i) => model(`CV-${i + 2}`));
    const result = plan(
      [data('CV-1'), ...downstream],
      downstream.map((each) => blocks('CV-1', each.key)),
    );
    expect(result.summary.blockedHandoffs).toBe(2000);
    expect(result.issues.filter((each) => each.blocked)).toHaveLength(2000);
    expect(result.criticalChain).toEqual(['CV-1', 'CV-2']);
  });
});

describe('block reasons', () => {
  it('lists every reason that applies, in a fixed order', () => {
    const upstream = issue('CV-1', { inScope: false, statusCategory: 'new' });
    expect(blockReasons(upstream, true)).toEqual([
      'upstream-not-started',
      'upstream-not-done',
      'upstream-outside-sprint',
      'cycle',
    ]);
  });

  it('gives none for a done upstream, even on a cycle', () => {
    expect(blockReasons(issue('CV-1', { statusCategory: 'done' }), true)).toEqual([]);
  });

  it('treats an issue missing from the snapshot as hidden', () => {
    expect(blockReasons(undefined, false)).toEqual(['upstream-hidden']);
  });
});
