import type { AsyncEvent } from '@forge/events';
import { MAX_EVIDENCE_ATTEMPTS, recordEvidence } from '../../../src/app/record-evidence';
import type { EvidenceEvent } from '../../../src/domain/evidence/evidence-event';
import { EVIDENCE_PROPERTY_KEY, readHistory } from '../../../src/domain/evidence/evidence-history';
import { createEvidenceConsumer } from '../../../src/forge/evidence-consumer';
import { DeliveryLog } from '../../../src/storage/delivery-log';
import { EVIDENCE_FIELD_IDS } from './support/fake-jira';
import { BODIES, harness, NOW, type Harness } from './support/harness';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.restore());

const ci = (change: Record<string, unknown>) =>
  JSON.stringify({ ...(JSON.parse(BODIES.ci) as Record<string, unknown>), ...change });

/** Queues one CI delivery and returns its event without consuming it. */
async function queuedEvent(change: Record<string, unknown> = {}): Promise<EvidenceEvent> {
  expect((await h.deliver('ci', ci(change))).statusCode).toBe(202);
  return h.queued.shift()!;
}

const consume = (event: EvidenceEvent, attempt = 0) =>
  recordEvidence(
    {
      jira: h.jira.seam,
      connections: h.connections,
      log: new DeliveryLog(h.store, () => NOW),
      store: h.store,
      now: () => NOW.getTime(),
      sleep: async () => undefined,
    },
    event,
    attempt,
  );

const property = (key = 'ML-42') => readHistory(h.jira.properties.get(`${key}/${EVIDENCE_PROPERTY_KEY}`));
const log = async () => new DeliveryLog(h.store).list('ci');

describe('the evidence consumer writing to Jira as the app', () => {
  it('writes numbers as numbers to the app fields, with changelog, then the history property', async () => {
    expect(await consume(await queuedEvent())).toMatchObject({ kind: 'written', issueKey: 'ML-42' });
    const post = h.jira.requests.find((request) => request.path.startsWith('/rest/api/3/app/field/value'));
    expect(post?.path).toBe('/rest/api/3/app/field/value?generateChangelog=true');
    expect(post?.body).toEqual({
      updates: expect.arrayContaining([
        { customField: EVIDENCE_FIELD_IDS['ml-lanes-holdout-accuracy'], issueIds: [10042], value: 0.91 },
        { customField: EVIDENCE_FIELD_IDS['ml-lanes-qa-suite'], issueIds: [10042], value: 'passed' },
      ]),
    });
    expect(property().fields['holdout-accuracy']).toMatchObject({ value: 0.91, tool: 'ci' });
    expect((await log())[0]).toMatchObject({ outcome: 'written', issueKey: 'ML-42' });
  });

  it('ignores an event older than the recorded one: no field write, the newer value stays', async () => {
    const older = await queuedEvent({ time: '2026-11-30T05:00:00Z', metrics: { accuracy: 0.5 } });
    const newer = await queuedEvent({ time: '2026-11-30T06:00:00Z', metrics: { accuracy: 0.92 } });
    await consume(newer);
    const writes = h.jira.writes();
    expect(await consume(older)).toEqual({ kind: 'ignored', reason: 'older than the recorded evidence' });
    expect(h.jira.writes()).toBe(writes);
    expect(h.jira.valueOf('ML-42', 'ml-lanes-holdout-accuracy')).toBe(0.92);
  });

  it('does nothing when the queue delivers the same event again', async () => {
    const event = await queuedEvent();
    await consume(event);
    const requests = h.jira.requests.length;
    expect(await consume(event)).toEqual({ kind: 'ignored', reason: 'delivery already recorded' });
    expect(h.jira.requests).toHaveLength(requests);
  });

  it('asks the queue to retry while Jira is down, then writes once Jira is back', async () => {
    const event = await queuedEvent();
    h.jira.fail('/app/field/value', 503, 50);
    expect(await consume(event)).toMatchObject({ kind: 'retry', afterSeconds: 30 });
    expect(h.jira.properties.size).toBe(0);
    expect(await log()).toEqual([expect.objectContaining({ outcome: 'accepted' })]);
    // A Jira without the fault stands for "Jira is back" on the queue's retry.
    expect(await harnessLike(event)).toMatchObject({ kind: 'written' });
  });

  it(`gives up after ${MAX_EVIDENCE_ATTEMPTS} tries and logs why`, async () => {
    const event = await queuedEvent();
    h.jira.fail('/rest/api/3/issue/ML-42', 503, 50);
    expect(await consume(event, MAX_EVIDENCE_ATTEMPTS - 1)).toMatchObject({
      kind: 'rejected',
      reason: expect.stringMatching(new RegExp(`^gave up after ${MAX_EVIDENCE_ATTEMPTS} tries: Jira`)),
    });
    expect((await log())[0]).toMatchObject({ outcome: 'rejected' });
  });

  it("waits as long as Jira's Retry-After asks when it rate-limits", async () => {
    const event = await queuedEvent();
    h.jira.fail('/rest/api/3/field', 429, 50, { 'retry-after': '120' });
    expect(await consume(event)).toMatchObject({ kind: 'retry', afterSeconds: 120 });
  });

  it('logs a refused write as rejected with the reason, and writes no history for it', async () => {
    const event = await queuedEvent();
    h.jira.fail('/app/field/value', 400, 50);
    expect(await consume(event)).toMatchObject({
      kind: 'rejected',
      reason: expect.stringMatching(/^Jira refused/),
    });
    expect(h.jira.properties.size).toBe(0);
    expect((await log())[0]).toMatchObject({
      outcome: 'rejected',
      reason: expect.stringMatching(/fault 400/),
    });
  });

  it('logs a field that is on the site twice as such, not as missing, and does not write it', async () => {
    const event = await queuedEvent();
    // A second installation of the app on the site: its holdout accuracy field matches the same module key.
    const jira: typeof h.jira.seam = async (method, path, body) => {
      const answer = await h.jira.seam(method, path, body);
      if (method !== 'GET' || !path.startsWith('/rest/api/3/field')) return answer;
      const fields = JSON.parse(await answer.text()) as { id: string; schema?: { custom?: string } }[];
      const twin = fields.find((field) => field.schema?.custom?.endsWith('/ml-lanes-holdout-accuracy'));
      const listed = JSON.stringify([
        ...fields,
        {
          ...twin,
          id: 'customfield_19999',
          schema: { ...twin?.schema, custom: twin?.schema?.custom?.replace('env-1', 'env-2') },
        },
      ]);
      return { ...answer, text: async () => listed };
    };
    const outcome = await recordEvidence(
      {
        jira,
        connections: h.connections,
        log: new DeliveryLog(h.store, () => NOW),
        store: h.store,
        now: () => NOW.getTime(),
        sleep: async () => undefined,
      },
      event,
    );
    expect(outcome).toMatchObject({
      kind: 'written',
      missingFields: [],
      duplicatedFields: ['holdout-accuracy'],
    });
    expect(h.jira.valueOf('ML-42', 'ml-lanes-holdout-accuracy')).toBeUndefined();
    const reason = (await log())[0]?.reason ?? '';
    expect(reason).toMatch(/on this site more than once, not written: holdout-accuracy/);
    expect(reason).not.toMatch(/not on this site/);
  });

  it('logs an issue that does not exist as rejected, writing nothing', async () => {
    expect(await consume(await queuedEvent({ issue: 'ML-999' }))).toEqual({
      kind: 'rejected',
      reason: 'issue ML-999 not found',
    });
    expect(h.jira.writes()).toBe(0);
  });

  it('in Forge, answers a passing failure with InvocationError so the queue retries', async () => {
    const event = await queuedEvent();
    // 500: a server error the client does not retry itself, so the test does not wait out its backoff.
    h.jira.fail('/rest/api/3/issue/ML-42', 500, 50);
    const consumer = createEvidenceConsumer(h.store, () => h.jira.seam);
    const asyncEvent = {
      body: event,
      queueName: 'ml-lanes-evidence',
      jobId: 'j',
      eventId: 'e',
    } as AsyncEvent;
    const answer = await consumer(asyncEvent);
    // InvocationError's constructor returns its JSON form: what Forge reads to schedule the retry.
    expect(answer).toEqual({
      _retry: true,
      retryOptions: { retryAfter: 30, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED' },
    });
  });
});

/** Consumes `event` against a Jira with no faults (the state after an outage). */
async function harnessLike(event: EvidenceEvent) {
  const fresh = await harness();
  try {
    return await recordEvidence(
      {
        jira: fresh.jira.seam,
        connections: fresh.connections,
        log: new DeliveryLog(fresh.store, () => NOW),
        store: fresh.store,
        now: () => NOW.getTime(),
        sleep: async () => undefined,
      },
      event,
      1,
    );
  } finally {
    fresh.restore();
  }
}
