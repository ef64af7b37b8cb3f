import { evidenceEventSchema, type EvidenceEvent } from '../../../src/domain/evidence/evidence-event';

const event: EvidenceEvent = {
  tool: 'labelstudio',
  deliveryId: 'a'.repeat(64),
  issueKey: 'ML-12',
  eventTime: '2026-11-30T06:00:00.000Z',
  receivedAt: '2026-11-30T06:00:01.000Z',
  kind: 'ANNOTATION_CREATED',
  values: [{ field: 'items-labeled', value: 812 }],
  subject: 'project Cats (812/1000)',
  counters: { finishedTasks: 812, totalTasks: 1000, annotations: 1650 },
};

describe('the normalized evidence event (the queue payload, parsed again by the consumer)', () => {
  it('accepts a well-formed event, counters included, and stays small', () => {
    expect(evidenceEventSchema.parse(event)).toEqual(event);
    expect(JSON.stringify(event).length).toBeLessThan(8 * 1024);
  });

  it.each([
    ['a lowercase issue key', { issueKey: 'ml-12' }],
    ['two issue keys', { issueKey: 'ML-12 ML-13' }],
    ['a delivery id with a slash', { deliveryId: '../x' }],
    ['Infinity', { values: [{ field: 'items-labeled', value: Infinity }] }],
    ['NaN', { values: [{ field: 'items-labeled', value: NaN }] }],
    [
      'a field twice',
      {
        values: [
          { field: 'items-labeled', value: 1 },
          { field: 'items-labeled', value: 2 },
        ],
      },
    ],
    ['a javascript: link', { link: { label: 'run', url: 'javascript:alert(1)' } }],
    ['an http link', { link: { label: 'run', url: 'http://mlflow.example.com' } }],
    ['a control character', { subject: 'a\u0007b' }],
    ['an unknown property', { body: '{}' }],
  ])('refuses %s', (_, change) => {
    expect(evidenceEventSchema.safeParse({ ...event, ...change }).success).toBe(false);
  });
});
