/**
 * "≥ N items labeled" needs no new rule kind: a data-lane DoD automatic item naming the app's evidence field
 * "ML items labeled" with `{op: 'gte', value: N}` reads the count Label Studio's deliveries wrote there.
 */
import { defaultConfig } from '../../../src/config/defaults';
import type { MlLanesConfig } from '../../../src/config/schema';
import { EVIDENCE_FIELD_SPECS } from '../../../src/domain/evidence/evidence-event';
import { currentValue } from '../../../src/domain/evidence/evidence-history';
import { dodEvaluator } from '../../../src/domain/dod';
import { cvLabelingEvidence } from '../../../src/simulator/workspaces/cv-labeling-evidence';
import { issue } from '../support/snapshot-builder';

const ITEMS_LABELED = { id: 'customfield_10960', name: EVIDENCE_FIELD_SPECS['items-labeled'].name };

function withItemsLabeledItem(): MlLanesConfig {
  const config = defaultConfig();
  config.dod.data!.items.push({
    id: 'items-labeled',
    label: '≥ 1,000 items labeled',
    kind: 'auto',
    field: 'ML items labeled',
    rule: { op: 'gte', value: 1000 },
  });
  return config;
}

const check = (value: number | undefined) => {
  const evaluate = dodEvaluator(withItemsLabeledItem(), [ITEMS_LABELED]);
  const labeling = issue('CV-101', {
    fieldValues: value === undefined ? {} : { [ITEMS_LABELED.id]: { kind: 'number', value } },
  });
  return evaluate(labeling, 'data').items.find((item) => item.id === 'items-labeled')!;
};

describe('a data-lane DoD item “≥ 1,000 items labeled” on the evidence field', () => {
  it('is not met at the 812 items the demo project’s deliveries recorded, and says how many', () => {
    const recorded = currentValue(cvLabelingEvidence(), 'items-labeled');
    expect(recorded).toBe(812);
    expect(check(recorded as number)).toMatchObject({
      met: false,
      detail: 'ML items labeled 812 — needs ≥ 1000',
    });
  });

  it('is met once 1,000 items are labeled, and above', () => {
    expect(check(1000)).toMatchObject({ met: true, detail: 'ML items labeled 1000 — meets ≥ 1000' });
    expect(check(1204).met).toBe(true);
  });

  it('is not met before any delivery has written the field', () => {
    expect(check(undefined)).toMatchObject({ met: false, detail: 'ML items labeled is empty' });
  });
});
