import { recordEvidence } from '../../../src/app/record-evidence';
import {
  EVIDENCE_TOOLS,
  evidenceEventSchema,
  NO_CONTROL,
  type EvidenceEvent,
} from '../../../src/domain/evidence/evidence-event';
import {
  byteSize,
  EVIDENCE_PROPERTY_KEY,
  EVIDENCE_PROPERTY_MAX_BYTES,
  mergeEvidence,
  readHistory,
} from '../../../src/domain/evidence/evidence-history';
import { oneIssueKey } from '../../../src/domain/evidence/issue-key-source';
import type { JiraRequest } from '../../../src/jira/seam';
import { DeliveryLog } from '../../../src/storage/delivery-log';
import type { KeyValueStore } from '../../../src/storage/key-value-store';
import { WebhookSecrets } from '../../../src/storage/webhook-secrets';
import { routeDelivery } from '../../../src/webhooks/route-delivery';
import { signDelivery } from '../../../src/webhooks/verify';
import { BODIES, harness, NOW, NOW_S, type Harness } from './support/harness';

/*
 * Adversarial cases against the evidence path: what two consumers at once, hostile payloads and a stalling store
 * do to an issue's evidence.
 */

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.restore());

const ci = (change: Record<string, unknown>) =>
  JSON.stringify({ ...(JSON.parse(BODIES.ci) as Record<string, unknown>), ...change });

async function queuedEvent(change: Record<string, unknown> = {}): Promise<EvidenceEvent> {
  expect((await h.deliver('ci', ci(change))).statusCode).toBe(202);
  return h.queued.shift()!;
}

const consume = (event: EvidenceEvent, jira: JiraRequest = h.jira.seam) =>
  recordEvidence(
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

const property = (key = 'ML-42') => readHistory(h.jira.properties.get(`${key}/${EVIDENCE_PROPERTY_KEY}`));

describe('two deliveries for one issue consumed at once (Forge concurrency key ignored, e.g. the playground)', () => {
  it('keeps both in the history: the read-merge-write of the property is serialised per issue', async () => {
    const first = await queuedEvent({ time: '2026-11-30T05:00:00Z', metrics: { accuracy: 0.81 } });
    const second = await queuedEvent({ time: '2026-11-30T05:01:00Z', metrics: { accuracy: 0.82 } });
    // Property reads take a while, so both consumers would read the same (empty) history.
    const slowReads: JiraRequest = async (method, path, body) => {
      const answer = await h.jira.seam(method, path, body);
      if (method === 'GET' && path.includes('/properties/')) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return answer;
    };
    const outcomes = await Promise.all([consume(first, slowReads), consume(second, slowReads)]);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['written', 'written']);
    const history = property();
    expect(history.deliveries.map((entry) => entry.deliveryId).sort()).toEqual(
      [first.deliveryId, second.deliveryId].sort(),
    );
    expect(history.fields['holdout-accuracy']?.value).toBe(0.82);
    expect(h.jira.valueOf('ML-42', 'ml-lanes-holdout-accuracy')).toBe(0.82);
  });
  it('asks the queue to retry, writing nothing, while another consumer holds the issue', async () => {
    const event = await queuedEvent();
    await h.store.set('evidence-lock:10042', { token: 'another consumer', at: NOW.getTime() });
    let clock = NOW.getTime();
    const outcome = await recordEvidence(
      {
        jira: h.jira.seam,
        connections: h.connections,
        log: new DeliveryLog(h.store, () => NOW),
        store: h.store,
        // Each look at the clock is 5 s later: the wait for the lock runs out quickly.
        now: () => (clock += 5_000),
        sleep: async () => undefined,
      },
      event,
    );
    expect(outcome).toMatchObject({ kind: 'retry' });
    expect(h.jira.properties.size).toBe(0);
    expect(h.jira.writes()).toBe(0);
  });
});

describe('the 30 KB property cap against the largest texts an event may hold', () => {
  const largest = (i: number, character: string): EvidenceEvent => ({
    tool: EVIDENCE_TOOLS[i % EVIDENCE_TOOLS.length]!,
    deliveryId: `${i}`.padEnd(128, 'a'),
    issueKey: 'ML-42',
    eventTime: new Date(Date.UTC(2026, 10, 1 + i)).toISOString(),
    receivedAt: '2026-12-30T06:05:00.000Z',
    kind: character.repeat(80),
    values: [
      { field: 'dataset-version', value: character.repeat(255) },
      { field: 'model-version', value: character.repeat(255) },
      { field: 'holdout-accuracy', value: 0.123456789012345 },
      { field: 'annotator-agreement', value: 0.123456789012345 },
      { field: 'items-labeled', value: 999_999_999 },
      { field: 'items-target', value: 999_999_999 },
      { field: 'qa-suite', value: 'passed' },
    ],
    subject: character.repeat(200),
    link: { label: character.repeat(80), url: `https://github.com/${'%E2%82%AC'.repeat(53)}` },
    counters: { finishedTasks: 999_999_999, totalTasks: 999_999_999, annotations: 999_999_999 },
  });

  // A lone surrogate (JSON "\ud800") is 6 bytes once Jira serializes it: 255 of them are 1.5 KB per value.
  it.each([
    ['a 3-byte character', '€'],
    ['a lone surrogate', '\ud800'],
    ['a quote', '"'],
  ])('stays under the cap with every text full of %s, across all tools and 30 days', (_, character) => {
    let history = readHistory(undefined);
    for (let i = 0; i < 30; i += 1) {
      const parsed = evidenceEventSchema.safeParse(largest(i, character));
      if (!parsed.success) continue;
      const outcome = mergeEvidence(history, parsed.data);
      if (outcome.kind === 'merged') history = outcome.history;
    }
    expect(byteSize(history)).toBeLessThanOrEqual(EVIDENCE_PROPERTY_MAX_BYTES);
  });

  it('a Label Studio title with a lone surrogate still records the delivery, with the character replaced', async () => {
    const body = BODIES.labelstudio.replace('"title": "', '"title": "\\ud800\\udc00\\ud800 ');
    expect(body).not.toBe(BODIES.labelstudio);
    expect((await h.deliver('labelstudio', body)).statusCode).toBe(202);
    expect(h.queued[0]?.subject).toContain('\u{10000}\ufffd ');
  });

  it('a long Label Studio title is shortened without cutting an emoji in half', async () => {
    const title = `ML-42 ${'a'.repeat(112)}\u{1F600}b`;
    const body = BODIES.labelstudio.replace(
      '"title": "ML-42 Label cats"',
      JSON.stringify({ title }).slice(1, -1),
    );
    expect(body).not.toBe(BODIES.labelstudio);
    expect((await h.deliver('labelstudio', body)).statusCode).toBe(202);
    expect(h.queued[0]?.subject).toMatch(NO_CONTROL);
  });
});

describe('a store that stalls at the door', () => {
  it('answers 503 within the door budget, so the tool retries, and queues nothing once it has answered', async () => {
    let release: (fresh: boolean) => void = () => undefined;
    const stalled: KeyValueStore = {
      get: (key) => h.store.get(key),
      set: (key, value) => h.store.set(key, value),
      delete: (key) => h.store.delete(key),
      keys: (prefix) => h.store.keys(prefix),
      setIfAbsent: () => new Promise<boolean>((resolve) => (release = resolve)),
    };
    const queued: EvidenceEvent[] = [];
    const headers = signDelivery('ci', BODIES.ci, h.secrets.ci, {
      deliveryId: 'stalled-1',
      timestampSeconds: NOW_S,
    });
    const response = await routeDelivery(
      {
        method: 'POST',
        path: '/ci',
        headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])),
        body: BODIES.ci,
      },
      {
        secrets: new WebhookSecrets(h.secretStore),
        connections: h.connections,
        queue: { push: async (event) => void queued.push(event) },
        log: new DeliveryLog(h.store, () => NOW),
        store: stalled,
        now: () => NOW,
        budgetMs: 50,
      },
    );
    expect(response.statusCode).toBe(503);
    // The store wakes up after the answer: the delivery must not be queued behind the tool's back.
    release(true);
    for (let turn = 0; turn < 10; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(queued).toEqual([]);
  });
});

describe('event names from a payload in answers and the delivery log', () => {
  it.each([
    ['mlflow', (body: Record<string, unknown>) => ({ ...body, action: `x ${'BODYTEXT'.repeat(40)}` })],
    ['labelstudio', () => ({ action: `x ${'BODYTEXT'.repeat(40)}`, project: null })],
    [
      'databricks',
      (body: Record<string, unknown>) => ({ ...body, event: `x ${'BODYTEXT'.repeat(40)}`, version: null }),
    ],
  ] as const)('%s: an event name that is not one is neither echoed nor logged', async (tool, change) => {
    const body = JSON.stringify(change(JSON.parse(BODIES[tool]) as Record<string, unknown>));
    const response = await h.deliver(tool, body);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('BODYTEXT');
    expect(JSON.stringify(await new DeliveryLog(h.store).list(tool))).not.toContain('BODYTEXT');
  });
});

describe('issue keys next to lookalike letters in free text', () => {
  it.each([
    ['a Cyrillic О before PS-12 (reads as OPS-12)', '\u041ePS-12 cats'],
    ['a full-width letter before ML-42', '\uff38ML-42 cats'],
    ['an accented letter right after the number', 'ML-42\u00e9 cats'],
  ])('finds no key with %s', (_, title) => {
    expect(oneIssueKey(title, 'the project title', false).ok).toBe(false);
  });
});

describe('a flood of bad requests alternating between reasons', () => {
  it('cannot push a real delivery out of the delivery log: each reason stays one counted entry per minute', async () => {
    expect((await h.deliver('ci')).statusCode).toBe(202);
    for (let i = 0; i < 60; i += 1) {
      const headers =
        i % 2 === 0
          ? {}
          : {
              'X-ML-Lanes-Signature': `v1,${'0'.repeat(64)}`,
              'X-ML-Lanes-Timestamp': String(NOW_S),
              'X-ML-Lanes-Delivery-Id': `flood-${i}`,
            };
      expect((await h.post('ci', BODIES.ci, headers)).statusCode).toBe(401);
    }
    const entries = await new DeliveryLog(h.store).list('ci');
    expect(entries.filter((entry) => entry.outcome === 'rejected')).toHaveLength(2);
    expect(entries.reduce((sum, entry) => sum + (entry.outcome === 'rejected' ? entry.count : 0), 0)).toBe(
      60,
    );
    expect(entries.at(-1)).toMatchObject({ outcome: 'accepted' });
  });
});

describe('a lone surrogate in a name a link is built from', () => {
  it('MLflow: the delivery is recorded without a link instead of failing as a 5xx the tool retries forever', async () => {
    const body = BODIES.mlflow.replace('"name": "churn"', '"name": "churn\\ud800"');
    expect(body).not.toBe(BODIES.mlflow);
    const response = await h.deliver('mlflow', body);
    expect(response.statusCode).toBe(202);
    expect(h.queued[0]?.link).toBeUndefined();
  });
});
