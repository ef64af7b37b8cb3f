import { defaultConfig } from '../../src/config/defaults';
import { parseConfig } from '../../src/config/parse';
import type { SavedConfigView } from '../../src/contract/admin-api';
import { diffConfigs } from '../../static/admin-page/src/model/diff';
import {
  documentReducer,
  draftCheck,
  INITIAL_DOCUMENT,
  type DocumentState,
} from '../../static/admin-page/src/model/document';
import {
  addLane,
  laneUsage,
  removeLane,
  renameLaneId,
  withConditionField,
  withConditionOp,
} from '../../static/admin-page/src/model/edit';
import { mergeThreeWay, setIn } from '../../static/admin-page/src/model/merge';
import { anchorOf, friendlyMessage, sectionOf } from '../../static/admin-page/src/model/problems';

describe('admin page model: where problems are shown', () => {
  it.each([
    ['lanes[1].id', 'lanes[1].id'],
    ['lanes[1]', 'lanes[1]'],
    ['lanes', 'lanes'],
    ['rules[3].conditions[0].pattern', 'rules[3].conditions[0].pattern'],
    ['rules[3].conditions[1].keywords[2]', 'rules[3].conditions[1].keywords'],
    ['rules[3].conditions[1]', 'rules[3].conditions[1]'],
    ['rules[2].keywords[1]', 'rules[2].keywords'],
    ['rules[2].kind', 'rules[2]'],
    ['dependencyLinkTypes[0].name', 'dependencyLinkTypes[0]'],
    ['dependencyLinkTypes', 'dependencyLinkTypes'],
    ['dod.data.items[0].rule.value', 'dod.data.items[0].rule'],
    ['dod.data.items[2].label', 'dod.data.items[2].label'],
    ['dod.ghost', 'dod.ghost'],
    ['capacity.model.wipLimit', 'capacity.model.wipLimit'],
    ['version', '(root)'],
    ['(root)', '(root)'],
  ])('%s is shown at %s', (path, anchor) => {
    expect(anchorOf(path)).toBe(anchor);
  });

  it('every problem the validator finds in a broken document has a section and a readable message', () => {
    const config = defaultConfig() as unknown as Record<string, unknown> & ReturnType<typeof defaultConfig>;
    config.lanes[2]!.name = '';
    config.capacity = { data: { storyPoints: Number.NaN, wipLimit: 2.5 } };
    const result = parseConfig(config);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const problem of result.problems) expect(sectionOf(problem.path)).not.toBeNull();
    expect(result.problems.map((problem) => friendlyMessage(problem.message))).toEqual([
      'a lane needs a name',
      'enter a number',
      'enter a whole number',
    ]);
  });
});

describe('admin page model: edits', () => {
  it('renames a lane id everywhere it is used, unless that would be ambiguous', () => {
    const config = defaultConfig();
    const renamed = renameLaneId(config, 1, 'training');
    expect(
      renamed.rules.filter((rule) => rule.kind !== 'lane-label' && rule.lane === 'training'),
    ).toHaveLength(2);
    expect(Object.keys(renamed.dod)).toEqual(['data', 'training', 'code', 'test', 'deploy']);
    const clash = renameLaneId(config, 1, 'data');
    expect(clash.rules.filter((rule) => rule.kind !== 'lane-label' && rule.lane === 'data')).toHaveLength(2);
    expect(clash.dod.model).toBeDefined();
    expect(config.lanes[1]!.id).toBe('model'); // untouched
  });

  it('removes a lane moving or deleting what used it', () => {
    const config = { ...defaultConfig(), capacity: { model: { storyPoints: 8, wipLimit: null } } };
    expect(laneUsage(config, 1)).toMatchObject({ rules: [2, 7], capacity: true });
    const moved = removeLane(config, 1, { kind: 'move', to: 'data' });
    expect(moved.dod.data!.items.map((item) => item.id)).toEqual([
      'iaa',
      'labeling-accuracy',
      'dataset-version',
      'holdout-accuracy',
      'experiment-linked',
    ]);
    expect(moved.capacity).toEqual({});
    expect(parseConfig(moved).ok).toBe(true);
    const deleted = removeLane(config, 1, { kind: 'delete' });
    expect(deleted.rules).toHaveLength(config.rules.length - 2);
    expect(deleted.dod.model).toBeUndefined();
    expect(parseConfig(deleted).ok).toBe(true);
  });

  it('adds lanes with unique ids and unused colours', () => {
    const once = addLane(defaultConfig());
    const twice = addLane(once);
    expect(twice.lanes.slice(5).map((lane) => [lane.id, lane.name])).toEqual([
      ['new-lane', 'New lane'],
      ['new-lane-2', 'New lane 2'],
    ]);
    expect(new Set(twice.lanes.map((lane) => lane.color)).size).toBe(7);
  });

  it('switches condition fields and operators keeping what still applies', () => {
    const equals = { op: 'equals' as const, field: 'labels' as const, value: 'gpu' };
    expect(withConditionField(equals, 'summary')).toEqual({
      op: 'keywords',
      field: 'summary',
      keywords: ['gpu'],
    });
    expect(withConditionField(equals, 'customField')).toEqual({
      op: 'equals',
      field: 'customField',
      fieldId: '',
      value: 'gpu',
    });
    expect(withConditionOp(equals, 'contains')).toEqual({ op: 'contains', field: 'labels', value: 'gpu' });
    expect(withConditionOp({ op: 'keywords', field: 'summary', keywords: ['a', 'b'] }, 'regex')).toEqual({
      op: 'regex',
      field: 'summary',
      pattern: 'a|b',
    });
  });
});

describe('admin page model: diff and merge', () => {
  it('lists changed, added and removed leaves by path', () => {
    const before = defaultConfig();
    const after = defaultConfig();
    after.lanes[0]!.name = 'Datasets';
    after.capacity = { data: { storyPoints: 10, wipLimit: null } };
    after.dependencyLinkTypes = [];
    expect(diffConfigs(before, after)).toEqual([
      { path: 'lanes[0].name', kind: 'changed', before: '"Data"', after: '"Datasets"' },
      { path: 'capacity.data.storyPoints', kind: 'added', after: '10' },
      { path: 'capacity.data.wipLimit', kind: 'added', after: 'null' },
      { path: 'dependencyLinkTypes[0].name', kind: 'removed', before: '"Blocks"' },
      { path: 'dependencyLinkTypes[0].upstream', kind: 'removed', before: '"outward"' },
    ]);
  });

  it('puts my edits on top of their revision and reports where we both changed the same thing', () => {
    const base = defaultConfig();
    const mine = defaultConfig();
    mine.lanes[0]!.name = 'Datasets';
    mine.lanes[1]!.name = 'Models';
    const theirs = defaultConfig();
    theirs.lanes[1]!.name = 'Training';
    theirs.lanes[4]!.name = 'Release';
    theirs.rules.push({ kind: 'lane-label', prefix: 'ml:' });
    const { merged, conflicts } = mergeThreeWay(base, mine, theirs);
    expect(merged.lanes.map((lane) => lane.name)).toEqual(['Datasets', 'Models', 'Code', 'Test', 'Release']);
    expect(merged.rules).toHaveLength(base.rules.length + 1);
    expect(conflicts.map((conflict) => [conflict.path, conflict.theirs, conflict.mine])).toEqual([
      ['lanes[1].name', 'Training', 'Models'],
    ]);
    const takeTheirs = setIn(merged, conflicts[0]!.parts, conflicts[0]!.theirs);
    expect(takeTheirs.lanes[1]!.name).toBe('Training');
    expect(merged.lanes[1]!.name).toBe('Models');
  });
});

describe('admin page model: the document being edited', () => {
  const view = (overrides: Partial<SavedConfigView> = {}): SavedConfigView => ({
    scope: {},
    config: defaultConfig(),
    revision: 3,
    savedAt: null,
    savedBy: null,
    source: 'saved',
    fallback: null,
    canEdit: true,
    migratedFrom: null,
    reindex: null,
    ...overrides,
  });
  const rename = (name: string) => ({
    type: 'edited' as const,
    edit: (draft: ReturnType<typeof defaultConfig>) => ({
      ...draft,
      lanes: draft.lanes.map((lane, index) => (index === 0 ? { ...lane, name } : lane)),
    }),
  });

  it("lets the server's problems speak only for the very draft they were found in", () => {
    const loaded = documentReducer(INITIAL_DOCUMENT, { type: 'saved-view', view: view() });
    const older = documentReducer(loaded, rename(''));
    const newer = documentReducer(older, rename('Datasets'));
    const problem = { path: 'lanes[0].name', message: 'a lane needs a name' };

    expect(draftCheck(newer).status).toBe('pending');
    const late = documentReducer(newer, { type: 'checked', draft: older.draft!, problems: [problem] });
    expect(late).toBe(newer);
    expect(draftCheck(late)).toMatchObject({ status: 'pending', problems: [] });

    const answered = documentReducer(newer, { type: 'checked', draft: newer.draft!, problems: [] });
    expect(draftCheck(answered)).toEqual({ status: 'checked', problems: [] });
    // Editing again makes the answer about the previous draft, and so unknown for this one.
    expect(draftCheck(documentReducer(answered, rename('Data sets'))).status).toBe('pending');
    // Back to a draft that was checked (discarding returns the saved document itself): its answer stands.
    const savedChecked = documentReducer(loaded, { type: 'checked', draft: loaded.draft!, problems: [] });
    const discarded = documentReducer(documentReducer(savedChecked, rename('x')), { type: 'discarded' });
    expect(draftCheck(discarded).status).toBe('checked');
  });

  it('after a conflict with a reset of the project, the merged edits become a new override', () => {
    const own = view({ scope: { projectKey: 'CV' }, source: 'saved', revision: 2 });
    let state: DocumentState = documentReducer(INITIAL_DOCUMENT, { type: 'saved-view', view: own });
    state = documentReducer(state, rename('Datasets'));
    expect(state.overriding).toBe(false);
    // Someone else reset CV meanwhile: it follows the site now, so the edits can only be saved as an override.
    const theirs = view({ scope: { projectKey: 'CV' }, source: 'site', revision: 3 });
    state = documentReducer(state, { type: 'reloaded', view: theirs, merged: state.draft! });
    expect(state.overriding).toBe(true);
    expect(state.view).toBe(theirs);
    expect(state.draft!.lanes[0]!.name).toBe('Datasets');
    expect(documentReducer(state, { type: 'kept-theirs' }).draft).toBe(theirs.config);
  });
});
