import type { EvidenceEvent } from '../../../src/domain/evidence/evidence-event';
import {
  byteSize,
  EVIDENCE_PROPERTY_MAX_BYTES,
  HISTORY_LIMIT,
  mergeEvidence,
  readHistory,
  type EvidenceHistory,
} from '../../../src/domain/evidence/evidence-history';

const event = (
  id: string,
  eventTime: string,
  values: EvidenceEvent['values'],
  extra: Partial<EvidenceEvent> = {},
): EvidenceEvent => ({
  tool: 'ci',
  deliveryId: id,
  issueKey: 'ML-42',
  eventTime,
  receivedAt: '2026-11-30T06:05:00.000Z',
  kind: 'ci.metrics',
  values,
  ...extra,
});

const merged = (history: EvidenceHistory, next: EvidenceEvent) => {
  const outcome = mergeEvidence(history, next);
  if (outcome.kind !== 'merged') throw new Error(`expected a merge, got ${outcome.kind}`);
  return outcome;
};

describe("an issue's evidence history (the ml-lanes-evidence property)", () => {
  const empty = readHistory(undefined);

  it('keeps the newest value per field and says which values changed', () => {
    const first = merged(
      empty,
      event('a', '2026-11-30T06:00:00Z', [{ field: 'holdout-accuracy', value: 0.9 }]),
    );
    expect(first.changed).toEqual([{ field: 'holdout-accuracy', value: 0.9 }]);
    const second = merged(
      first.history,
      event('b', '2026-11-30T06:01:00Z', [
        { field: 'holdout-accuracy', value: 0.9 },
        { field: 'qa-suite', value: 'passed' },
      ]),
    );
    expect(second.changed).toEqual([{ field: 'qa-suite', value: 'passed' }]);
    expect(second.history.fields['holdout-accuracy']).toMatchObject({ value: 0.9, deliveryId: 'b' });
    expect(second.history.deliveries.map((entry) => entry.deliveryId)).toEqual(['b', 'a']);
  });

  it('never lets an older event put back an older value, field by field', () => {
    const newer = merged(
      empty,
      event('new', '2026-11-30T06:10:00Z', [{ field: 'holdout-accuracy', value: 0.95 }]),
    );
    expect(
      mergeEvidence(
        newer.history,
        event('old', '2026-11-30T06:00:00Z', [{ field: 'holdout-accuracy', value: 0.8 }]),
      ),
    ).toEqual({ kind: 'older' });
    // An older event may still fill a field the newer one did not carry.
    const mixed = merged(
      newer.history,
      event('old2', '2026-11-30T06:00:00Z', [
        { field: 'holdout-accuracy', value: 0.8 },
        { field: 'dataset-version', value: 'data@abc' },
      ]),
    );
    expect(mixed.changed).toEqual([{ field: 'dataset-version', value: 'data@abc' }]);
    expect(mixed.history.fields['holdout-accuracy']?.value).toBe(0.95);
    expect(mixed.history.latest.ci?.deliveryId).toBe('new');
  });

  it('recognizes a delivery it already holds', () => {
    const once = merged(
      empty,
      event('a', '2026-11-30T06:00:00Z', [{ field: 'holdout-accuracy', value: 0.9 }]),
    );
    expect(mergeEvidence(once.history, event('a', '2026-11-30T06:00:00Z', []))).toEqual({
      kind: 'duplicate',
    });
  });

  it(`keeps the last ${HISTORY_LIMIT} deliveries and stays under Jira's 32 KB property limit`, () => {
    let history = empty;
    for (let i = 0; i < 40; i += 1) {
      history = merged(
        history,
        event(
          `d${i}`,
          new Date(Date.UTC(2026, 10, 30, 6, i)).toISOString(),
          [
            { field: 'dataset-version', value: `v${i}-${'x'.repeat(250)}` },
            { field: 'model-version', value: `m${i}-${'y'.repeat(250)}` },
          ],
          {
            subject: 's'.repeat(200),
            link: { label: 'CI run', url: `https://github.com/${'p'.repeat(450)}` },
          },
        ),
      ).history;
    }
    expect(history.deliveries.length).toBeLessThanOrEqual(HISTORY_LIMIT);
    expect(history.deliveries[0]?.deliveryId).toBe('d39');
    expect(byteSize(history)).toBeLessThanOrEqual(EVIDENCE_PROPERTY_MAX_BYTES);
  });

  it("keeps Label Studio's counters per day, the day's newest, for throughput in items per day", () => {
    const labeled = (id: string, at: string, finishedTasks: number) =>
      event(id, at, [{ field: 'items-labeled', value: finishedTasks }], {
        tool: 'labelstudio',
        counters: { finishedTasks, totalTasks: 1000, annotations: finishedTasks * 2 },
      });
    let history = empty;
    for (const next of [
      labeled('a', '2026-11-28T09:00:00Z', 100),
      labeled('b', '2026-11-28T17:00:00Z', 180),
      labeled('c', '2026-11-30T12:00:00Z', 580),
    ]) {
      history = merged(history, next).history;
    }
    // Late and out of order: an earlier delivery of the 28th changes neither that day nor the fields.
    expect(mergeEvidence(history, labeled('late', '2026-11-28T10:00:00Z', 120))).toEqual({ kind: 'older' });
    expect(history.labeling?.map((day) => [day.day, day.finishedTasks])).toEqual([
      ['2026-11-30', 580],
      ['2026-11-28', 180],
    ]);
    // A late delivery of a day not yet recorded fills that day, and only that.
    const filled = merged(history, labeled('late29', '2026-11-29T15:00:00Z', 400));
    expect(filled.changed).toEqual([]);
    expect(filled.history.labeling?.map((day) => day.day)).toEqual([
      '2026-11-30',
      '2026-11-29',
      '2026-11-28',
    ]);
    expect(filled.history.fields['items-labeled']?.value).toBe(580);
  });

  it('starts afresh from a damaged property rather than failing', () => {
    expect(readHistory({ version: 1, fields: { 'holdout-accuracy': 'not a state' } })).toEqual(empty);
  });
});
