import { planAppFieldRequests } from '../../../src/jira/app-field-values';
import { findEvidenceFields, findAppFields } from '../../../src/jira/app-fields';

describe('app field values for the evidence fields', () => {
  const ids = { 'holdout-accuracy': 'customfield_11000', lane: 'customfield_10950' } as const;

  it('sends numbers as JSON numbers, apart from equal texts', () => {
    const { requests } = planAppFieldRequests(
      [
        { field: 'holdout-accuracy', issueId: '10001', value: 0.91 },
        { field: 'holdout-accuracy', issueId: '10002', value: 0.91 },
        { field: 'lane', issueId: '10001', value: '0.91' },
      ],
      ids,
    );
    expect(requests[0]?.body.updates).toEqual([
      { customField: 'customfield_11000', issueIds: [10001, 10002], value: 0.91 },
      { customField: 'customfield_10950', issueIds: [10001], value: '0.91' },
    ]);
  });

  it.each([NaN, Infinity, -Infinity])('refuses %s as a value', (value) => {
    expect(() => planAppFieldRequests([{ field: 'holdout-accuracy', issueId: '10001', value }], ids)).toThrow(
      'the value must be a string, a finite number or null',
    );
  });

  it('finds the evidence fields by module key, and the board index still reports only its own three', () => {
    const field = (id: string, moduleKey: string) => ({
      id,
      name: moduleKey,
      schema: { type: 'number', custom: `ari:cloud:ecosystem::extension/app/env/static/${moduleKey}` },
    });
    const fields = [
      field('customfield_11000', 'ml-lanes-holdout-accuracy'),
      field('customfield_10950', 'ml-lanes-lane'),
    ];
    const evidence = findEvidenceFields(fields);
    expect(evidence.ids).toEqual({ 'holdout-accuracy': 'customfield_11000' });
    expect(evidence.missing).toContain('qa-suite');
    const board = findAppFields(fields);
    expect(board.missing).toEqual(['handoff', 'dod']);
  });
});
