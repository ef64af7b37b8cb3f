import { applyFilters, buildModel, NO_FILTERS, splitSentence } from '../../static/planning-panel/src/model';
import { demoPlan, panelIssue } from './support/plan-fixture';

describe('planning panel model', () => {
  it('finds the upstream key after the downstream summary, even when the summary quotes "waits on"', () => {
    const to = panelIssue('CV-2', { summary: 'Rework: it waits on CV-1 too' });
    const from = panelIssue('CV-1', { summary: 'Upstream' });
    const issues = new Map([to, from].map((issue) => [issue.key, issue]));
    const handoff = {
      from: 'CV-1',
      to: 'CV-2',
      fromLane: 'data',
      toLane: 'data',
      linkType: 'Blocks',
      blocked: true,
      reasons: [],
    };
    const sentence = 'CV-2 Rework: it waits on CV-1 too (Data) waits on CV-1 Upstream (Data) — To Do';
    expect(splitSentence(sentence, handoff, issues)).toEqual([
      { kind: 'key', key: 'CV-2', openable: true },
      { kind: 'text', text: ' Rework: it waits on CV-1 too (Data) waits on ' },
      { kind: 'key', key: 'CV-1', openable: true },
      { kind: 'text', text: ' Upstream (Data) — To Do' },
    ]);
  });

  it('keeps the key of an issue hidden from the person as plain text', () => {
    const plan = demoPlan();
    plan.issues.push(panelIssue('SEC-9', { hidden: true, inScope: false, summary: '', lane: null }));
    plan.handoffs.push({
      from: 'SEC-9',
      to: 'CV-101',
      fromLane: null,
      toLane: 'data',
      linkType: 'Blocks',
      blocked: true,
      reasons: ['upstream-hidden'],
    });
    const row = buildModel(plan).blockedHandoffs.at(-1)!;
    expect(row.sentence).toBe(
      'CV-101 Label 1000 images (Data) waits on SEC-9 (an issue you cannot see) — hidden from you, so it may still be open',
    );
    expect(row.parts.filter((part) => part.kind === 'key')).toEqual([
      { kind: 'key', key: 'CV-101', openable: true },
      { kind: 'key', key: 'SEC-9', openable: false },
    ]);
  });

  it('counts lane-to-lane handoffs and blocked ones, with "No lane" for unclassified ends', () => {
    const plan = demoPlan();
    plan.handoffs.push({
      from: 'CV-110',
      to: 'CV-106',
      fromLane: null,
      toLane: 'test',
      linkType: 'Blocks',
      blocked: true,
      reasons: [],
    });
    const { matrix } = buildModel(plan);
    expect(matrix.axis.map((lane) => lane.name)).toEqual([
      'Data',
      'Model',
      'Code',
      'Test',
      'Deploy',
      'No lane',
    ]);
    expect(matrix.cells.get('data->model')).toEqual({ total: 1, blocked: 1 });
    expect(matrix.cells.get('data->test')).toEqual({ total: 1, blocked: 0 });
    expect(matrix.cells.get('unclassified->test')).toEqual({ total: 1, blocked: 1 });
  });

  it('counts each column’s issues and blocked issues', () => {
    const model = buildModel(demoPlan());
    expect(model.columns.map((column) => [column.id, column.total, column.blocked])).toEqual([
      ['data', 2, 1],
      ['model', 1, 1],
      ['code', 1, 0],
      ['test', 1, 0],
      ['deploy', 1, 1],
      ['unclassified', 1, 0],
    ]);
  });

  it('filters without copying columns when nothing is filtered', () => {
    const model = buildModel(demoPlan());
    const view = applyFilters(model, NO_FILTERS);
    expect(view.columns).toBe(model.columns);
    expect(view.shown).toBe(7);
    expect(view.total).toBe(7);
  });
});
