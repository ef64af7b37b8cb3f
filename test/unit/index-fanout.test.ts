import fc from 'fast-check';
import { defaultConfig } from '../../src/config/defaults';
import { computeBoardIndex, type IssueIndexValues } from '../../src/domain/board-index';
import {
  EMPTY_LINK_INDEX,
  downstreamAfterRecompute,
  issuesToRecompute,
  withIssueLinks,
  type IndexEvent,
  type LinkIndex,
} from '../../src/domain/index-fanout';
import type { IssueSnapshot } from '../../src/domain/snapshot';
import { blocks, issue } from './support/snapshot-builder';

/* Issue keys stand in for Jira's issue ids here: the fan-out only compares them. */

const updated = (issueId: string): IndexEvent => ({ kind: 'issue-updated', issueId });
const statusChanged = (issueId: string, to: 'new' | 'indeterminate' | 'done'): IndexEvent => ({
  kind: 'issue-updated',
  issueId,
  statusCategory: { from: 'indeterminate', to },
});
const linkCreated = (sourceIssueId: string, destinationIssueId: string): IndexEvent => ({
  kind: 'link-created',
  sourceIssueId,
  destinationIssueId,
});
const linkDeleted = (sourceIssueId: string, destinationIssueId: string): IndexEvent => ({
  kind: 'link-deleted',
  sourceIssueId,
  destinationIssueId,
});

/** CV-1 blocks CV-2 and CV-3; CV-4 blocks CV-1. */
const INDEX = withIssueLinks(EMPTY_LINK_INDEX, [
  { issueId: 'CV-1', upstreamIds: ['CV-4'], downstreamIds: ['CV-2', 'CV-3'] },
]);

describe('issuesToRecompute', () => {
  it('recomputes an updated issue alone when its status category stayed', () => {
    expect(issuesToRecompute([updated('CV-1')], INDEX)).toEqual(['CV-1']);
    const sameCategory: IndexEvent = {
      kind: 'issue-updated',
      issueId: 'CV-1',
      statusCategory: { from: 'indeterminate', to: 'indeterminate' },
    };
    expect(issuesToRecompute([sameCategory], INDEX)).toEqual(['CV-1']);
  });

  it('recomputes the downstream issues of one whose status category changed, or may have', () => {
    expect(issuesToRecompute([statusChanged('CV-1', 'done')], INDEX)).toEqual(['CV-1', 'CV-2', 'CV-3']);
    const unknown: IndexEvent = {
      kind: 'issue-updated',
      issueId: 'CV-1',
      statusCategory: { from: null, to: 'done' },
    };
    expect(issuesToRecompute([unknown], INDEX)).toEqual(['CV-1', 'CV-2', 'CV-3']);
    const neitherKnown: IndexEvent = {
      kind: 'issue-updated',
      issueId: 'CV-1',
      statusCategory: { from: null, to: null },
    };
    expect(issuesToRecompute([neitherKnown], INDEX)).toEqual(['CV-1', 'CV-2', 'CV-3']);
  });

  it('recomputes both ends of a created or deleted link, whichever end is upstream', () => {
    expect(issuesToRecompute([linkCreated('CV-7', 'CV-8')], INDEX)).toEqual(['CV-7', 'CV-8']);
    expect(issuesToRecompute([linkDeleted('CV-8', 'CV-7')], INDEX)).toEqual(['CV-7', 'CV-8']);
  });

  it('recomputes a deleted issue (to find it gone) and its downstream issues', () => {
    const deleted: IndexEvent = { kind: 'issue-deleted', issueId: 'CV-1' };
    expect(issuesToRecompute([deleted], INDEX)).toEqual(['CV-1', 'CV-2', 'CV-3']);
  });

  it('gives the same set for repeated events in any order', () => {
    const events = [statusChanged('CV-1', 'done'), linkCreated('CV-7', 'CV-8'), updated('CV-4')];
    const once = issuesToRecompute(events, INDEX);
    expect(issuesToRecompute([...events].reverse().concat(events), INDEX)).toEqual(once);
  });
});

describe('the link index', () => {
  it('replaces an issue’s links with those read now, both ways, leaving the given index as it was', () => {
    const before = JSON.stringify(INDEX);
    const after = withIssueLinks(INDEX, [
      { issueId: 'CV-1', upstreamIds: [], downstreamIds: ['CV-3', 'CV-9'] },
    ]);
    expect(after.downstream).toEqual({ 'CV-1': ['CV-3', 'CV-9'] });
    expect(after.upstream).toEqual({ 'CV-3': ['CV-1'], 'CV-9': ['CV-1'] });
    expect(JSON.stringify(INDEX)).toBe(before);
  });

  it('keeps an id like __proto__ as data', () => {
    const index = withIssueLinks(EMPTY_LINK_INDEX, [
      { issueId: '__proto__', upstreamIds: [], downstreamIds: ['CV-2'] },
    ]);
    expect(issuesToRecompute([statusChanged('__proto__', 'done')], index)).toEqual(['CV-2', '__proto__']);
    expect(issuesToRecompute([statusChanged('constructor', 'done')], index)).toEqual(['constructor']);
  });

  it('names the downstream issues again when a recomputed issue changed as upstream work, or is gone', () => {
    expect(downstreamAfterRecompute(INDEX, 'CV-1', 'a', 'a')).toEqual([]);
    expect(downstreamAfterRecompute(INDEX, 'CV-1', 'a', 'b')).toEqual(['CV-2', 'CV-3']);
    expect(downstreamAfterRecompute(INDEX, 'CV-1', 'a', undefined)).toEqual(['CV-2', 'CV-3']);
  });
});

/*
 * A small Jira: issues and "Blocks" links (upstream first). Jira removes an issue's links with it. A consumer
 * processes events in batches as index-fanout.ts says, reading the *final* state each time (events arrive late),
 * and keeps the values written, each issue's `asUpstream` and the link index.
 */
interface World {
  issues: Map<string, IssueSnapshot>;
  links: [string, string][];
}

function indexValues(world: World): Map<string, IssueIndexValues> {
  const dependencies = world.links.map(([up, down]) => blocks(up, down));
  const input = { issues: [...world.issues.values()], dependencies, siteFields: [] };
  return computeBoardIndex(input, defaultConfig(), { sameProjectOnly: false });
}

function linksOf(world: World, issueId: string) {
  return {
    issueId,
    upstreamIds: world.links.filter(([, down]) => down === issueId).map(([up]) => up),
    downstreamIds: world.links.filter(([up]) => up === issueId).map(([, down]) => down),
  };
}

class Consumer {
  written = new Map<string, IssueIndexValues>();
  index: LinkIndex;

  constructor(initial: World, initialValues: ReadonlyMap<string, IssueIndexValues>) {
    this.written = new Map(initialValues);
    this.index = withIssueLinks(
      EMPTY_LINK_INDEX,
      [...initial.issues.keys()].map((id) => linksOf(initial, id)),
    );
  }

  /** `now`: the values a recompute from `world` gives (computed once: the state does not change meanwhile). */
  process(batch: readonly IndexEvent[], world: World, now: Map<string, IssueIndexValues>): void {
    const queue = issuesToRecompute(batch, this.index);
    const done = new Set<string>();
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (done.has(id)) continue;
      done.add(id);
      const before = this.written.get(id)?.asUpstream;
      const found = world.issues.has(id);
      const values = now.get(id);
      if (values) this.written.set(id, values);
      else this.written.delete(id);
      if (found) {
        this.index = withIssueLinks(this.index, [linksOf(world, id)]);
        queue.push(...downstreamAfterRecompute(this.index, id, before, values?.asUpstream));
      } else {
        // Gone: its downstream issues by the links known before, then it is forgotten.
        queue.push(...downstreamAfterRecompute(this.index, id, before, undefined));
        this.index = withIssueLinks(this.index, [{ issueId: id, upstreamIds: [], downstreamIds: [] }]);
      }
    }
  }
}

const data = (key: string, overrides: Partial<IssueSnapshot> = {}) =>
  issue(key, { labels: ['lane:data'], ...overrides });
const model = (key: string) => issue(key, { labels: ['lane:model'] });

function initialWorld(): World {
  return {
    issues: new Map(
      [
        data('CV-1'),
        model('CV-2'),
        data('CV-3'),
        model('CV-4'),
        data('CV-5'),
        model('CV-6'),
        data('CV-7'),
        model('CV-8'),
        data('CV-9', { inScope: false, statusCategory: 'indeterminate' }),
        data('CV-11'),
        model('CV-12'),
        model('CV-13'),
        model('CV-14'),
      ].map((each) => [each.key, each]),
    ),
    links: [
      ['CV-1', 'CV-2'],
      ['CV-3', 'CV-4'],
      ['CV-5', 'CV-6'],
      ['CV-7', 'CV-8'],
      ['CV-9', 'CV-12'],
    ],
  };
}

/** What people did, and the events Jira sent for it: each downstream issue is touched by one change only. */
function finalWorld(): { world: World; events: IndexEvent[] } {
  const world = initialWorld();
  const set = (key: string, overrides: Partial<IssueSnapshot>) =>
    world.issues.set(key, { ...world.issues.get(key)!, ...overrides });
  const events: IndexEvent[] = [];
  // CV-1 is done: CV-2 is ready.
  set('CV-1', { status: 'Done', statusCategory: 'done' });
  events.push(statusChanged('CV-1', 'done'));
  // The CV-3 → CV-4 link is deleted: CV-4 has no upstream work.
  world.links = world.links.filter(([up]) => up !== 'CV-3');
  events.push(linkDeleted('CV-3', 'CV-4'));
  // CV-5 is deleted, with its links, and no link events: CV-6 has no upstream work.
  world.issues.delete('CV-5');
  world.links = world.links.filter(([up, down]) => up !== 'CV-5' && down !== 'CV-5');
  events.push({ kind: 'issue-deleted', issueId: 'CV-5' });
  // CV-9, in the backlog (no values of its own), is done: CV-12 is ready.
  set('CV-9', { status: 'Done', statusCategory: 'done' });
  events.push(statusChanged('CV-9', 'done'));
  // CV-7 moves to the model lane by its label: CV-8 now waits on Model work.
  set('CV-7', { labels: ['lane:model'] });
  events.push(updated('CV-7'));
  // CV-10 is created blocking CV-13 (the link's source is the blocked one here).
  world.issues.set('CV-10', data('CV-10'));
  world.links.push(['CV-10', 'CV-13']);
  events.push({ kind: 'issue-created', issueId: 'CV-10' }, linkCreated('CV-13', 'CV-10'));
  // CV-11 → CV-14 is linked, then unlinked again: a late "created" must not leave CV-14 blocked.
  events.push(linkCreated('CV-11', 'CV-14'), linkDeleted('CV-11', 'CV-14'));
  return { world, events };
}

describe('events in any order, repeated, give the values of the final state', () => {
  it('ends at the values a full recompute of the final state gives', () => {
    const { world, events } = finalWorld();
    const expected = indexValues(world);
    const initial = initialWorld();
    const initialValues = indexValues(initial);
    expect(expected.get('CV-2')?.handoff).toBe('ready');
    expect(expected.get('CV-4')?.handoff).toBe('none');
    expect(expected.get('CV-6')?.handoff).toBe('none');
    expect(expected.get('CV-8')?.texts.handoff).toBe('Blocked · waits on 1: Model');
    expect(expected.get('CV-12')?.handoff).toBe('ready');
    expect(expected.get('CV-13')?.handoff).toBe('blocked');
    expect(expected.get('CV-14')?.handoff).toBe('none');

    const deliveries = fc
      .tuple(
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        fc.array(fc.constantFrom(...events), { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.integer({ min: 1, max: 4 }),
      )
      .map(([shuffled, repeats, positions, batchSize]) => {
        const delivered = [...shuffled];
        repeats.forEach((event, at) =>
          delivered.splice((positions[at] ?? 0) % (delivered.length + 1), 0, event),
        );
        return { delivered, batchSize };
      });

    fc.assert(
      fc.property(deliveries, ({ delivered, batchSize }) => {
        const consumer = new Consumer(initial, initialValues);
        for (let at = 0; at < delivered.length; at += batchSize) {
          consumer.process(delivered.slice(at, at + batchSize), world, expected);
        }
        expect(Object.fromEntries(consumer.written)).toEqual(Object.fromEntries(expected));
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});
