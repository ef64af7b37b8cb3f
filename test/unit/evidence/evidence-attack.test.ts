import { recordEvidence } from '../../../src/app/record-evidence';
import type { EvidenceEvent } from '../../../src/domain/evidence/evidence-event';
import { EVIDENCE_PROPERTY_KEY, readHistory } from '../../../src/domain/evidence/evidence-history';
import type { JiraRequest } from '../../../src/jira/seam';
import { DeliveryLog } from '../../../src/storage/delivery-log';
import { BODIES, harness, NOW, type Harness } from './support/harness';

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
});
