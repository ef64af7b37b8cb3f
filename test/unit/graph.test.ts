import { DirectedGraph } from 'graphology';
import { stronglyConnectedComponents } from 'graphology-components';
import { analyseDependencies, MAX_UPSTREAM_CHAIN } from '../../src/domain/graph';
import type { Dependency, IssueSnapshot } from '../../src/domain/snapshot';
import { blocks, issue } from './support/snapshot-builder';

function analyse(issues: IssueSnapshot[], dependencies: Dependency[]) {
  return analyseDependencies(issues, dependencies);
}

const keys = (count: number, prefix = 'CV') => Array.from({ length: count }, (_, i) => `${prefix}-${i + 1}`);

describe('dependency edges', () => {
  it('keeps the direction: upstream first', () => {
    const result = analyse([issue('CV-1'), issue('CV-2')], [blocks('CV-1', 'CV-2')]);
    expect(result.edges).toEqual([
      { upstream: 'CV-1', downstream: 'CV-2', linkType: 'Blocks', blocking: true, onCycle: false },
    ]);
    expect(result.upstreamChains.get('CV-2')).toEqual(['CV-1']);
    expect(result.upstreamChains.get('CV-1')).toBeUndefined();
  });

  it('ignores self-links', () => {
    const result = analyse([issue('CV-1')], [blocks('CV-1', 'CV-1')]);
    expect(result).toEqual({ edges: [], cycles: [], upstreamChains: new Map(), criticalChain: [] });
  });

  it('keeps one edge for a link reported from both sides', () => {
    const result = analyse(
      [issue('CV-1'), issue('CV-2')],
      [blocks('CV-1', 'CV-2'), blocks('CV-1', 'CV-2', 'Depends')],
    );
    expect(result.edges).toHaveLength(1);
    expect(result.edges[0]?.linkType).toBe('Blocks');
  });

  it('drops links between two issues outside the sprint', () => {
    const outside = { inScope: false };
    const result = analyse([issue('CV-1', outside), issue('CV-2', outside)], [blocks('CV-1', 'CV-2')]);
    expect(result.edges).toEqual([]);
  });

  it('keeps a link to an issue missing from the snapshot, as unfinished', () => {
    const result = analyse([issue('CV-2')], [blocks('SEC-9', 'CV-2')]);
    expect(result.edges[0]).toMatchObject({ upstream: 'SEC-9', blocking: true });
    expect(result.upstreamChains.get('CV-2')).toEqual(['SEC-9']);
  });
});

describe('cycles', () => {
  it('reports a 3-cycle and marks only its edges', () => {
    const issues = ['CV-1', 'CV-2', 'CV-3', 'CV-4'].map((key) => issue(key));
    const result = analyse(issues, [
      blocks('CV-1', 'CV-2'),
      blocks('CV-2', 'CV-3'),
      blocks('CV-3', 'CV-1'),
      blocks('CV-3', 'CV-4'),
    ]);
    expect(result.cycles).toEqual([['CV-1', 'CV-2', 'CV-3']]);
    expect(result.edges.map((edge) => edge.onCycle)).toEqual([true, true, true, false]);
    expect(result.upstreamChains.get('CV-4')).toEqual(['CV-3']);
  });

  it('finds the same cycles as graphology-components on random graphs', () => {
    let seed = 7;
    let cyclesSeen = 0;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let round = 0; round < 20; round++) {
      const all = keys(60);
      const dependencies = Array.from({ length: 90 }, () =>
        blocks(all[Math.floor(random() * 60)]!, all[Math.floor(random() * 60)]!),
      );
      const oracle = new DirectedGraph();
      all.forEach((key) => oracle.addNode(key));
      dependencies.forEach(({ upstream, downstream }) => {
        if (upstream !== downstream) oracle.mergeEdge(upstream, downstream);
      });
      const expected = stronglyConnectedComponents(oracle)
        .filter((component) => component.length > 1)
        .map((component) => [...component].sort());
      const found = analyse(
        all.map((key) => issue(key)),
        dependencies,
      ).cycles.map((cycle) => [...cycle].sort());
      expect(new Set(found.map(String))).toEqual(new Set(expected.map(String)));
      cyclesSeen += expected.length;
    }
    expect(cyclesSeen).toBeGreaterThan(5);
  });

  it('handles a cycle through 20,000 issues without recursion', () => {
    const all = keys(20000);
    const dependencies = all.map((key, i) => blocks(key, all[(i + 1) % all.length]!));
    const result = analyse(
      all.map((key) => issue(key)),
      dependencies,
    );
    expect(result.cycles).toHaveLength(1);
    expect(result.cycles[0]).toHaveLength(20000);
    expect(result.criticalChain).toEqual([]);
  });
});

describe('upstream chains', () => {
  it('follows only unfinished upstream work', () => {
    const result = analyse(
      [
        issue('CV-1', { statusCategory: 'done' }),
        issue('CV-2', { statusCategory: 'indeterminate' }),
        issue('CV-3'),
      ],
      [blocks('CV-1', 'CV-2'), blocks('CV-2', 'CV-3')],
    );
    expect(result.upstreamChains.get('CV-3')).toEqual(['CV-2']);
    expect(result.upstreamChains.get('CV-2')).toBeUndefined();
    expect(result.criticalChain).toEqual(['CV-2', 'CV-3']);
  });

  it('is empty when every upstream issue is done', () => {
    const result = analyse(
      [issue('CV-1', { statusCategory: 'done' }), issue('CV-2')],
      [blocks('CV-1', 'CV-2')],
    );
    expect(result.criticalChain).toEqual([]);
    expect(result.edges[0]?.blocking).toBe(false);
  });

  // Two chains into the sprint: three small issues, or one big one.
  const issuesWithPoints = (points: (key: string) => number | null) =>
    ['CV-1', 'CV-2', 'CV-3', 'CV-4', 'CV-5', 'CV-6'].map((key) => issue(key, { storyPoints: points(key) }));
  const twoChains = [
    blocks('CV-1', 'CV-2'),
    blocks('CV-2', 'CV-3'),
    blocks('CV-3', 'CV-4'),
    blocks('CV-5', 'CV-6'),
  ];

  it('weighs the critical chain by story points where estimated', () => {
    const result = analyse(
      issuesWithPoints((key) => (key === 'CV-5' ? 13 : 1)),
      twoChains,
    );
    expect(result.criticalChain).toEqual(['CV-5', 'CV-6']);
  });

  it('weighs the critical chain by issue count when nothing is estimated', () => {
    const result = analyse(
      issuesWithPoints(() => null),
      twoChains,
    );
    expect(result.criticalChain).toEqual(['CV-1', 'CV-2', 'CV-3', 'CV-4']);
  });

  it("picks each issue's heaviest upstream chain", () => {
    const result = analyse(
      [
        issue('CV-1', { storyPoints: 2 }),
        issue('CV-2', { storyPoints: 2 }),
        issue('CV-3', { storyPoints: 8 }),
        issue('CV-4'),
      ],
      [blocks('CV-1', 'CV-2'), blocks('CV-2', 'CV-4'), blocks('CV-3', 'CV-4')],
    );
    expect(result.upstreamChains.get('CV-4')).toEqual(['CV-3']);
  });

  it('walks a 20,000-issue chain without overflowing the stack', () => {
    const all = keys(20000);
    const dependencies = all.slice(1).map((key, i) => blocks(all[i]!, key));
    const result = analyse(
      all.map((key) => issue(key)),
      dependencies,
    );
    expect(result.criticalChain).toEqual(all);
    const lastChain = result.upstreamChains.get('CV-20000');
    expect(lastChain).toHaveLength(MAX_UPSTREAM_CHAIN);
    expect(lastChain?.at(-1)).toBe('CV-19999');
    expect(result.upstreamChains.get('CV-3')).toEqual(['CV-1', 'CV-2']);
  });
});
