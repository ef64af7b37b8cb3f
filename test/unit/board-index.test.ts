import { defaultConfig } from '../../src/config/defaults';
import type { MlLanesConfig } from '../../src/config/schema';
import {
  computeBoardIndex,
  indexProperty,
  type BoardIndexInput,
  type IssueIndexValues,
} from '../../src/domain/board-index';
import { buildPlan } from '../../src/domain/plan';
import type { Dependency, IssueSnapshot, SiteField } from '../../src/domain/snapshot';
import { blocks, fromJira, hiddenIssue, issue, snapshot } from './support/snapshot-builder';

const SITE_FIELDS: SiteField[] = [
  { id: 'customfield_10040', name: 'Inter-annotator agreement' },
  { id: 'customfield_10041', name: 'Dataset version' },
];
const ALL_PROJECTS = { sameProjectOnly: false };

function indexOf(
  issues: IssueSnapshot[],
  dependencies: Dependency[] = [],
  config: MlLanesConfig = defaultConfig(),
  options = ALL_PROJECTS,
): Map<string, IssueIndexValues> {
  const input: BoardIndexInput = { issues, dependencies, siteFields: SITE_FIELDS };
  return computeBoardIndex(input, config, options);
}

function valuesOf(index: Map<string, IssueIndexValues>, key: string): IssueIndexValues {
  const values = index.get(key);
  if (!values) throw new Error(`no values for ${key}`);
  return values;
}

const done = { status: 'Done', statusCategory: 'done' as const };
const data = (key: string, overrides: Partial<IssueSnapshot> = {}) =>
  issue(key, { labels: ['lane:data'], ...overrides });
const code = (key: string, overrides: Partial<IssueSnapshot> = {}) =>
  issue(key, { labels: ['lane:code'], ...overrides });
const model = (key: string, overrides: Partial<IssueSnapshot> = {}) =>
  issue(key, { labels: ['lane:model'], ...overrides });

describe('computeBoardIndex: lane', () => {
  it("names each sprint issue's lane, and a dash for an issue in no lane", () => {
    const index = indexOf([data('CV-1'), issue('CV-2')]);
    expect(valuesOf(index, 'CV-1')).toMatchObject({ lane: 'data', laneName: 'Data' });
    expect(valuesOf(index, 'CV-1').texts.lane).toBe('Data');
    expect(valuesOf(index, 'CV-2')).toMatchObject({ lane: null, laneName: null });
    expect(valuesOf(index, 'CV-2').texts.lane).toBe('—');
  });

  it('gives values to the open sprints’ issues only, not to linked issues outside them', () => {
    const index = indexOf([model('CV-2'), data('CV-1', { inScope: false })], [blocks('CV-1', 'CV-2')]);
    expect([...index.keys()]).toEqual(['CV-2']);
  });

  it('follows a configuration change of lanes: renamed and re-ruled lanes change the values', () => {
    const issues = [issue('CV-1', { labels: ['annotation'] })];
    expect(valuesOf(indexOf(issues), 'CV-1').texts.lane).toBe('Data');

    const renamed = defaultConfig();
    renamed.lanes[0]!.name = 'Labeling';
    expect(valuesOf(indexOf(issues, [], renamed), 'CV-1').texts.lane).toBe('Labeling');

    const moved = defaultConfig();
    moved.rules.unshift({ kind: 'keywords', lane: 'test', in: ['labels'], keywords: ['annotation'] });
    const after = valuesOf(indexOf(issues, [], moved), 'CV-1');
    expect(after).toMatchObject({ lane: 'test', laneName: 'Test' });
    expect(after.fingerprint).not.toBe(valuesOf(indexOf(issues), 'CV-1').fingerprint);
  });
});

describe('computeBoardIndex: handoff state', () => {
  it('is blocked while upstream work is unfinished, naming how many and their lanes in lane order', () => {
    const index = indexOf(
      [model('CV-5'), code('CV-4'), data('CV-1'), data('CV-2'), data('CV-3', done)],
      [blocks('CV-4', 'CV-5'), blocks('CV-1', 'CV-5'), blocks('CV-2', 'CV-5'), blocks('CV-3', 'CV-5')],
    );
    const values = valuesOf(index, 'CV-5');
    expect(values).toMatchObject({ handoff: 'blocked', waitingOn: 3, waitingLanes: ['Data', 'Code'] });
    expect(values.texts.handoff).toBe('Blocked · waits on 3: Data, Code');
  });

  it('is ready when all its upstream work is done, and a dash with no upstream work', () => {
    const index = indexOf([model('CV-2'), data('CV-1', done), data('CV-3')], [blocks('CV-1', 'CV-2')]);
    expect(valuesOf(index, 'CV-2')).toMatchObject({ handoff: 'ready', waitingOn: 0, waitingLanes: [] });
    expect(valuesOf(index, 'CV-2').texts.handoff).toBe('Ready');
    expect(valuesOf(index, 'CV-3')).toMatchObject({ handoff: 'none', waitingOn: 0 });
    expect(valuesOf(index, 'CV-3').texts.handoff).toBe('—');
  });

  it('goes from blocked to ready when the upstream issue moves to Done', () => {
    const links = [blocks('CV-1', 'CV-2')];
    expect(valuesOf(indexOf([data('CV-1'), model('CV-2')], links), 'CV-2').handoff).toBe('blocked');
    expect(valuesOf(indexOf([data('CV-1', done), model('CV-2')], links), 'CV-2').handoff).toBe('ready');
  });

  it('counts unfinished upstream work outside the open sprints, and a key Jira did not return', () => {
    const index = indexOf(
      [model('CV-2'), data('CV-1', { inScope: false })],
      [blocks('CV-1', 'CV-2'), blocks('CV-9', 'CV-2')],
    );
    expect(valuesOf(index, 'CV-2')).toMatchObject({
      handoff: 'blocked',
      waitingOn: 2,
      waitingLanes: ['Data', 'Unclassified'],
    });
  });

  it('reads self-links and a link listed on both of its issues once, as the plan does', () => {
    const index = indexOf(
      [model('CV-2'), data('CV-1')],
      [blocks('CV-1', 'CV-2'), blocks('CV-1', 'CV-2'), blocks('CV-2', 'CV-2')],
    );
    expect(valuesOf(index, 'CV-2')).toMatchObject({ handoff: 'blocked', waitingOn: 1 });
  });

  it('agrees with the plan on which issues are blocked', () => {
    const issues = [model('CV-3'), data('CV-1'), data('CV-2', done), code('CV-4'), hiddenIssue('OPS-1')];
    const links = [
      blocks('CV-1', 'CV-3'),
      blocks('CV-2', 'CV-4'),
      blocks('OPS-1', 'CV-1'),
      blocks('CV-8', 'CV-2'),
    ];
    const plan = buildPlan(snapshot(issues, links, SITE_FIELDS), defaultConfig());
    const index = indexOf(issues, links);
    for (const view of plan.issues.filter((each) => each.inScope)) {
      expect([view.key, valuesOf(index, view.key).handoff === 'blocked']).toEqual([view.key, view.blocked]);
    }
  });

  it('with sameProjectOnly, leaves out upstream work in other projects', () => {
    const issues = [
      model('CV-2'),
      data('CV-1', done),
      data('OPS-7', { inScope: false }),
      hiddenIssue('SEC-3'),
    ];
    const links = [
      blocks('CV-1', 'CV-2'),
      blocks('OPS-7', 'CV-2'),
      blocks('SEC-3', 'CV-2'),
      blocks('HR-4', 'CV-2'),
    ];
    expect(valuesOf(indexOf(issues, links), 'CV-2')).toMatchObject({ handoff: 'blocked', waitingOn: 3 });
    const sameProject = indexOf(issues, links, defaultConfig(), { sameProjectOnly: true });
    expect(valuesOf(sameProject, 'CV-2')).toMatchObject({ handoff: 'ready', waitingOn: 0 });

    const onlyElsewhere = indexOf([model('CV-2')], [blocks('OPS-7', 'CV-2')], defaultConfig(), {
      sameProjectOnly: true,
    });
    expect(valuesOf(onlyElsewhere, 'CV-2').handoff).toBe('none');
  });
});

describe('computeBoardIndex: Definition of Done', () => {
  it('counts items met as "met/total", and a dash for a lane without a Definition of Done', () => {
    const config = defaultConfig();
    delete config.dod.test;
    const index = indexOf(
      [
        data('CV-1', { fieldValues: fromJira({ customfield_10040: 0.99, customfield_10041: 'v3' }) }),
        issue('CV-2', { labels: ['lane:test'] }),
        code('CV-3', { dodChecked: { reviewed: true } }),
      ],
      [],
      config,
    );
    expect(valuesOf(index, 'CV-1')).toMatchObject({ dodMet: 2, dodTotal: 3, dodComplete: false });
    expect(valuesOf(index, 'CV-1').texts.dod).toBe('2/3');
    expect(valuesOf(index, 'CV-2')).toMatchObject({ dodMet: 0, dodTotal: 0, dodComplete: true });
    expect(valuesOf(index, 'CV-2').texts.dod).toBe('—');
    expect(valuesOf(index, 'CV-3')).toMatchObject({ dodMet: 1, dodTotal: 1, dodComplete: true });
  });

  it('matches the plan’s counts for the same issues', () => {
    const issues = [
      data('CV-1', { fieldValues: fromJira({ customfield_10040: 97, customfield_10041: 'v2' }) }),
      model('CV-2'),
      code('CV-3', { dodChecked: { reviewed: true } }),
      issue('CV-4'),
    ];
    const plan = buildPlan(snapshot(issues, [], SITE_FIELDS), defaultConfig());
    const index = indexOf(issues);
    for (const view of plan.issues) {
      const values = valuesOf(index, view.key);
      expect([view.key, values.dodMet, values.dodTotal]).toEqual([view.key, view.dod.met, view.dod.total]);
    }
  });
});

describe('computeBoardIndex: nothing of another issue is written', () => {
  const upstream = [
    data('CV-1', { summary: 'Secret acquisition of CLIENT-X data', status: 'Waiting for legal' }),
    code('OPS-7', { inScope: false, summary: 'Rotate prod credentials', status: 'Quarantined' }),
    hiddenIssue('SEC-3'),
  ];
  const links = [
    blocks('CV-1', 'CV-2'),
    blocks('OPS-7', 'CV-2'),
    blocks('SEC-3', 'CV-2'),
    blocks('HR-4', 'CV-2'),
  ];

  it('never puts another issue’s key, summary or status in any value or text', () => {
    const index = indexOf([model('CV-2'), ...upstream], links);
    const values = valuesOf(index, 'CV-2');
    expect(values.waitingOn).toBe(4);
    const written = JSON.stringify(values);
    for (const other of ['CV-1', 'OPS-7', 'SEC-3', 'HR-4']) expect(written).not.toContain(other);
    for (const { summary, status } of upstream.filter((each) => !each.hidden)) {
      expect(written).not.toContain(summary);
      expect(written).not.toContain(status);
    }
    // Not its own key either: the writer knows which issue it writes to.
    expect(written).not.toContain('CV-2');
  });
});

describe('indexProperty', () => {
  it('gives JQL short values: lane id, yes/no for blocked and DoD complete, and the counts', () => {
    const index = indexOf([data('CV-1'), model('CV-2'), issue('CV-3')], [blocks('CV-1', 'CV-2')]);
    expect(indexProperty(valuesOf(index, 'CV-2'))).toEqual({
      lane: 'model',
      handoff: 'blocked',
      blocked: 'yes',
      waitingOn: 1,
      dodMet: 0,
      dodTotal: 2,
      dodComplete: 'no',
    });
    expect(indexProperty(valuesOf(index, 'CV-3'))).toEqual({
      lane: '',
      handoff: 'none',
      blocked: 'no',
      waitingOn: 0,
      dodMet: 0,
      dodTotal: 0,
      dodComplete: 'yes',
    });
  });
});

describe('computeBoardIndex: fingerprint', () => {
  it('stays the same for the same values and changes when a written value changes', () => {
    const links = [blocks('CV-1', 'CV-2')];
    const before = valuesOf(indexOf([data('CV-1'), model('CV-2')], links), 'CV-2');
    const again = valuesOf(indexOf([model('CV-2'), data('CV-1', { summary: 'renamed' })], links), 'CV-2');
    const after = valuesOf(indexOf([data('CV-1', done), model('CV-2')], links), 'CV-2');
    expect(again.fingerprint).toBe(before.fingerprint);
    expect(after.fingerprint).not.toBe(before.fingerprint);
  });
});
