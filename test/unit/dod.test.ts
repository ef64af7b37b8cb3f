import { defaultConfig } from '../../src/config/defaults';
import type { DodItem, MlLanesConfig } from '../../src/config/schema';
import { dodEvaluator } from '../../src/domain/dod';
import type { SiteField } from '../../src/domain/snapshot';
import { fromJira, issue } from './support/snapshot-builder';

const SITE_FIELDS: SiteField[] = [
  { id: 'customfield_10040', name: 'Inter-annotator agreement' },
  { id: 'customfield_10041', name: 'Dataset version' },
  { id: 'customfield_10042', name: 'Model accuracy' },
  { id: 'customfield_10043', name: 'Experiment URL' },
];

/** A config whose `model` lane has exactly these items. */
function withModelItems(...items: DodItem[]): MlLanesConfig {
  const config = defaultConfig();
  config.dod.model = { enforce: false, items };
  return config;
}

function checkOne(item: DodItem, fieldValues: Record<string, unknown>, siteFields = SITE_FIELDS) {
  const evaluate = dodEvaluator(withModelItems(item), siteFields);
  const [result] = evaluate(issue('CV-1', { fieldValues: fromJira(fieldValues) }), 'model').items;
  return result && { met: result.met, detail: result.detail };
}

type AutoItem = Extract<DodItem, { kind: 'auto' }>;

const accuracyAtLeast = (value: number): AutoItem => ({
  id: 'accuracy',
  label: 'Accuracy',
  kind: 'auto',
  field: 'Model accuracy',
  rule: { op: 'gte', value },
});

describe('numeric rules', () => {
  const agreement = (fieldValues: Record<string, unknown>) =>
    dodEvaluator(defaultConfig(), SITE_FIELDS)(issue('CV-1', { fieldValues: fromJira(fieldValues) }), 'data')
      .items[0];

  it('reads a value above 1 as a percentage', () => {
    expect(agreement({ customfield_10040: 97 })).toMatchObject({
      met: false,
      detail: 'Inter-annotator agreement 0.97 — needs ≥ 0.98',
    });
    expect(agreement({ customfield_10040: 98.5 })?.met).toBe(true);
  });

  it('reads a threshold above 1 as a plain number, and its values too (at least 2 reviewers)', () => {
    expect(checkOne(accuracyAtLeast(2), { customfield_10042: 1 })).toEqual({
      met: false,
      detail: 'Model accuracy 1 — needs ≥ 2',
    });
    expect(checkOne(accuracyAtLeast(2), { customfield_10042: 3 })?.met).toBe(true);
    expect(checkOne(accuracyAtLeast(98), { customfield_10042: '98.5%' })?.met).toBe(true);
  });

  it('accepts numeric strings, with or without a % sign', () => {
    expect(checkOne(accuracyAtLeast(0.9), { customfield_10042: ' 0.93 ' })).toEqual({
      met: true,
      detail: 'Model accuracy 0.93 — meets ≥ 0.9',
    });
    expect(checkOne(accuracyAtLeast(0.9), { customfield_10042: '89%' })?.detail).toBe(
      'Model accuracy 0.89 — needs ≥ 0.9',
    );
  });

  it('unwraps a select-list option', () => {
    expect(checkOne(accuracyAtLeast(0.9), { customfield_10042: { id: '10100', value: '0.98' } })?.met).toBe(
      true,
    );
  });

  it('says when the value is not a number', () => {
    expect(checkOne(accuracyAtLeast(0.9), { customfield_10042: 'high' })).toEqual({
      met: false,
      detail: 'Model accuracy "high" is not a number',
    });
  });

  it('says when the value is empty', () => {
    expect(checkOne(accuracyAtLeast(0.9), { customfield_10042: null })).toEqual({
      met: false,
      detail: 'Model accuracy is empty',
    });
  });

  it('checks upper bounds', () => {
    const lossAtMost: AutoItem = { ...accuracyAtLeast(0), rule: { op: 'lte', value: 0.1 } };
    expect(checkOne(lossAtMost, { customfield_10042: 0.05 })).toEqual({
      met: true,
      detail: 'Model accuracy 0.05 — meets ≤ 0.1',
    });
    expect(checkOne(lossAtMost, { customfield_10042: 0.2 })?.met).toBe(false);
  });

  it('keeps 1 as 100% and honours an explicit % below 1 against a fractional threshold', () => {
    expect(checkOne(accuracyAtLeast(0.99), { customfield_10042: 1 })?.met).toBe(true);
    expect(checkOne(accuracyAtLeast(0.01), { customfield_10042: '0.5%' })).toEqual({
      met: false,
      detail: 'Model accuracy 0.005 — needs ≥ 0.01',
    });
  });
});

describe('finding fields', () => {
  it('says a field is missing from the site instead of failing', () => {
    expect(checkOne(accuracyAtLeast(0.9), { customfield_10042: 0.95 }, [])).toEqual({
      met: false,
      detail: 'field "Model accuracy" does not exist on this site',
    });
  });

  it('finds a field by id, or by name ignoring case and spaces', () => {
    const byId: AutoItem = { ...accuracyAtLeast(0.9), field: 'customfield_10042' };
    expect(checkOne(byId, { customfield_10042: 0.95 })?.met).toBe(true);
    const oddlyNamed = [{ id: 'customfield_10042', name: '  model ACCURACY ' }];
    expect(checkOne(accuracyAtLeast(0.9), { customfield_10042: 0.95 }, oddlyNamed)?.met).toBe(true);
  });

  it('reads whichever of two same-named fields holds a value', () => {
    const twins = [
      { id: 'customfield_1', name: 'Model accuracy' },
      { id: 'customfield_2', name: 'Model accuracy' },
    ];
    expect(checkOne(accuracyAtLeast(0.9), { customfield_2: 0.95 }, twins)?.met).toBe(true);
  });
});

describe('text rules', () => {
  const versionRecorded: DodItem = {
    id: 'version',
    label: 'Version',
    kind: 'auto',
    field: 'Dataset version',
    rule: { op: 'not-empty' },
  };
  const experimentLinked: DodItem = {
    id: 'experiment',
    label: 'Experiment',
    kind: 'auto',
    field: 'Experiment URL',
    rule: { op: 'matches', pattern: '^https://mlflow\\.' },
  };

  it('counts whitespace as empty', () => {
    expect(checkOne(versionRecorded, { customfield_10041: '   ' })).toEqual({
      met: false,
      detail: 'Dataset version is empty',
    });
  });

  it('shows the value when present', () => {
    expect(checkOne(versionRecorded, { customfield_10041: 'v3.2' })).toEqual({
      met: true,
      detail: 'Dataset version: v3.2',
    });
    expect(checkOne(versionRecorded, { customfield_10041: [{ value: 'v3' }] })?.met).toBe(true);
    expect(checkOne(versionRecorded, { customfield_10041: [] })?.met).toBe(false);
  });

  it('tests a pattern case-insensitively', () => {
    expect(checkOne(experimentLinked, { customfield_10043: 'HTTPS://MLflow.example.com/runs/7' })).toEqual({
      met: true,
      detail: 'Experiment URL "HTTPS://MLflow.example.com/runs/7" matches /^https://mlflow\\./',
    });
    expect(checkOne(experimentLinked, { customfield_10043: 'ftp://mlflow.example.com' })?.met).toBe(false);
  });
});

describe('templates', () => {
  it('ticks manual items from the issue', () => {
    const evaluate = dodEvaluator(defaultConfig(), SITE_FIELDS);
    expect(evaluate(issue('CV-1', { dodChecked: { reviewed: true } }), 'code')).toEqual({
      met: 1,
      total: 1,
      items: [
        { id: 'reviewed', label: 'Code reviewed and merged', kind: 'manual', met: true, detail: 'ticked' },
      ],
    });
    expect(evaluate(issue('CV-2'), 'code').items[0]?.detail).toBe('not ticked');
  });

  it('has nothing to check for an unclassified issue or a lane without a template', () => {
    const config = defaultConfig();
    delete config.dod.deploy;
    const evaluate = dodEvaluator(config, SITE_FIELDS);
    expect(evaluate(issue('CV-1'), null)).toEqual({ met: 0, total: 0, items: [] });
    expect(evaluate(issue('CV-1'), 'deploy')).toEqual({ met: 0, total: 0, items: [] });
  });

  it('counts met items', () => {
    const evaluate = dodEvaluator(defaultConfig(), SITE_FIELDS);
    const result = evaluate(
      issue('CV-1', { fieldValues: fromJira({ customfield_10040: 0.99, customfield_10041: 'v1' }) }),
      'data',
    );
    expect(result).toMatchObject({ met: 2, total: 3 });
    expect(result.items.map((item) => item.met)).toEqual([true, false, true]);
  });
});
