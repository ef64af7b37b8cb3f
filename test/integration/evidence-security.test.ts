/**
 * Issue 12, item 8: one test per attack on the ML tools' web trigger. Each proves that the attack reached neither
 * Jira nor the queue (or, for replays, caused no second write), that neither its body nor a secret was logged or
 * stored, and that a valid delivery still goes through afterwards.
 */
import type { EvidenceTool } from '../../src/domain/evidence/evidence-event';
import { EVIDENCE_PROPERTY_KEY, readHistory } from '../../src/domain/evidence/evidence-history';
import { DeliveryLog } from '../../src/storage/delivery-log';
import { MAX_BODY_BYTES } from '../../src/webhooks/route-delivery';
import { signDelivery } from '../../src/webhooks/verify';
import { BODIES, harness, NOW_S, type Harness } from '../unit/evidence/support/harness';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.restore());

/** A marker inside attack bodies: it must never show up in storage or the console. */
const CANARY = 'canary-7f3a91';

const ciBody = (change: Record<string, unknown>) =>
  JSON.stringify({ ...(JSON.parse(BODIES.ci) as Record<string, unknown>), note: CANARY, ...change });

/** Nothing reached Jira or the queue, nothing secret or from the body was kept, and a valid delivery still works. */
async function expectHarmless(options: { queued?: number; jiraRequests?: number } = {}): Promise<void> {
  expect(h.queued).toHaveLength(options.queued ?? 0);
  expect(h.jira.requests).toHaveLength(options.jiraRequests ?? 0);
  const seen = await h.observable();
  expect(seen).not.toContain(CANARY);
  expect(seen).not.toContain('hunter2-task-data');
  for (const secret of Object.values(h.secrets)) expect(seen).not.toContain(secret);
  await expectValidDeliveryWorks();
}

async function expectValidDeliveryWorks(): Promise<void> {
  const writesBefore = h.jira.writes();
  const response = await h.deliver('ci', ciBody({ note: 'valid', metrics: { accuracy: 0.93 } }));
  expect(response.statusCode).toBe(202);
  const outcomes = await h.drain();
  expect(outcomes.at(-1)).toMatchObject({ kind: 'written', issueKey: 'ML-42' });
  expect(h.jira.valueOf('ML-42', 'ml-lanes-holdout-accuracy')).toBe(0.93);
  expect(h.jira.writes()).toBeGreaterThan(writesBefore);
}

const rejections = async (tool: EvidenceTool) =>
  (await new DeliveryLog(h.store).list(tool)).filter((entry) => entry.outcome === 'rejected');

describe('the ML tools web trigger under attack', () => {
  it('refuses an unsigned delivery on every route (401)', async () => {
    for (const tool of ['mlflow', 'databricks', 'wandb', 'labelstudio', 'ci'] as const) {
      const response = await h.post(tool, ciBody({}), { 'Content-Type': 'application/json' });
      expect(response.statusCode).toBe(401);
      expect(response.body).not.toContain(CANARY);
    }
    expect(await rejections('mlflow')).toEqual([expect.objectContaining({ reason: 'unsigned' })]);
    await expectHarmless();
  });

  it('refuses a tampered body: one changed digit after signing (401)', async () => {
    for (const tool of ['mlflow', 'databricks', 'wandb', 'ci'] as const) {
      const body = tool === 'ci' ? ciBody({}) : BODIES[tool].replace('}', `,"x":"${CANARY}"}`);
      const headers = signDelivery(tool, body, h.secrets[tool], {
        deliveryId: `tamper-${tool}`,
        timestampSeconds: NOW_S,
      });
      const tampered = body.replace('ML-42', 'ML-43');
      const response = await h.post(tool, tampered, headers);
      // W&B's bearer secret signs nothing: its tampering is caught only when it also sends X-Wandb-Signature.
      expect(response.statusCode).toBe(tool === 'wandb' ? 202 : 401);
    }
    h.queued.length = 0;
    await expectHarmless();
  });

  it('refuses a re-serialized body: same JSON, different bytes (401)', async () => {
    const raw = BODIES.mlflow;
    const headers = signDelivery('mlflow', raw, h.secrets.mlflow, {
      deliveryId: 'reserialized',
      timestampSeconds: NOW_S,
    });
    const reserialized = JSON.stringify(JSON.parse(raw));
    expect(reserialized).not.toBe(raw);
    expect(JSON.parse(reserialized)).toEqual(JSON.parse(raw));
    expect((await h.post('mlflow', reserialized, headers)).statusCode).toBe(401);
    await expectHarmless();
  });

  it('refuses a stale or future timestamp, correctly signed (401)', async () => {
    for (const at of [NOW_S - 6 * 60, NOW_S + 6 * 60]) {
      expect((await h.deliver('mlflow', BODIES.mlflow, { at })).statusCode).toBe(401);
      expect((await h.deliver('ci', ciBody({}), { at })).statusCode).toBe(401);
    }
    expect(await rejections('ci')).toEqual([
      expect.objectContaining({ reason: 'timestamp outside the 5-minute window', count: 2 }),
    ]);
    await expectHarmless();
  });

  it('writes a replayed delivery once: same delivery id, or the same body of a tool without ids', async () => {
    const first = await h.deliver('mlflow', BODIES.mlflow, { deliveryId: 'replayed-id' });
    expect(first.statusCode).toBe(202);
    await h.drain();
    const requestsAfterFirst = h.jira.requests.length;
    const again = await h.deliver('mlflow', BODIES.mlflow, { deliveryId: 'replayed-id' });
    expect(again.statusCode).toBe(200);
    expect(JSON.parse(again.body)).toEqual({ duplicate: 'replayed-id' });
    expect((await h.deliver('labelstudio')).statusCode).toBe(202);
    expect((await h.deliver('labelstudio')).statusCode).toBe(200);
    expect(h.queued).toHaveLength(1);
    await h.drain();
    // The Label Studio delivery is written once; the MLflow replay sent nothing to Jira.
    expect(h.jira.requests.slice(requestsAfterFirst).filter((r) => r.method !== 'GET')).toHaveLength(2);
    h.queued.length = 0;
    await expectHarmless({ jiraRequests: h.jira.requests.length });
  });

  it('refuses a delivery on the wrong route: an unknown path (404), or signed for another tool (401)', async () => {
    const headers = signDelivery('ci', ciBody({}), h.secrets.ci, {
      deliveryId: 'wrong-route',
      timestampSeconds: NOW_S,
    });
    expect((await h.post('jenkins', ciBody({}), headers)).statusCode).toBe(404);
    expect((await h.post('', ciBody({}), headers)).statusCode).toBe(404);
    expect((await h.post('mlflow', ciBody({}), headers)).statusCode).toBe(401);
    // The right signature scheme with another route's secret.
    const mlflowWithCiSecret = signDelivery('mlflow', BODIES.mlflow, h.secrets.ci, {
      deliveryId: 'other-secret',
      timestampSeconds: NOW_S,
    });
    expect((await h.post('mlflow', BODIES.mlflow, mlflowWithCiSecret)).statusCode).toBe(401);
    await expectHarmless();
  });

  it('never accepts a route whose secret is missing or empty, even with an empty signature (404/401)', async () => {
    await h.secretStore.deleteSecret('webhook-secret:wandb');
    expect((await h.post('wandb', BODIES.wandb, { Authorization: 'Bearer ' })).statusCode).toBe(404);
    await h.secretStore.setSecret('webhook-secret:labelstudio', { secret: '', createdAt: 'x' });
    expect((await h.post('labelstudio', BODIES.labelstudio, { 'X-ML-Lanes-Token': '' })).statusCode).toBe(
      404,
    );
    // A signature made with an empty secret is no signature.
    const emptySigned = signDelivery('ci', ciBody({}), '', {
      deliveryId: 'empty-secret',
      timestampSeconds: NOW_S,
    });
    expect((await h.post('ci', ciBody({}), emptySigned)).statusCode).toBe(401);
    await expectHarmless();
  });

  it('refuses an issue outside the allow-list at the door (403) and again in the consumer', async () => {
    const response = await h.deliver('ci', ciBody({ issue: 'OPS-1' }));
    expect(response.statusCode).toBe(403);
    // Allowed when queued, then the admin narrows the list before the consumer runs.
    expect((await h.deliver('ci', ciBody({ issue: 'ML-7' }))).statusCode).toBe(202);
    const loaded = await h.connections.load();
    await h.connections.save({ ...loaded.connections, allowedProjects: ['DATA'] }, loaded.revision, 'admin');
    expect(await h.drain()).toEqual([{ kind: 'rejected', reason: 'project ML is not on the allow-list' }]);
    expect(h.jira.requests).toHaveLength(0);
    await h.connections.save(
      { ...loaded.connections, allowedProjects: ['ML'] },
      loaded.revision + 1,
      'admin',
    );
    h.queued.length = 0;
    await expectHarmless();
  });

  it('refuses a payload naming several issues (422)', async () => {
    expect((await h.deliver('ci', ciBody({ issue: 'ML-42 ML-7' }))).statusCode).toBe(422);
    const labelStudio = BODIES.labelstudio.replace('"ML-42 Label cats"', '"ML-42 and ML-7: label cats"');
    expect((await h.deliver('labelstudio', labelStudio)).statusCode).toBe(422);
    expect(await rejections('labelstudio')).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/several issue keys in the project title/) }),
    ]);
    await expectHarmless();
  });

  it.each([
    ['NaN (not JSON at all)', ciBody({}).replace('0.91', 'NaN'), 400],
    ['Infinity (1e999)', ciBody({}).replace('0.91', '1e999'), 422],
    ['a string', ciBody({ metrics: { accuracy: '0.91' } }), 422],
    ['above the range', ciBody({ metrics: { accuracy: 1.5 } }), 422],
    ['below the range', ciBody({ metrics: { accuracy: -0.1 } }), 422],
    ['an object', ciBody({ metrics: { accuracy: { $gt: 0 } } }), 422],
    ['a QA result that is neither passed nor failed', ciBody({ qa_suite: 'passed; DROP TABLE' }), 422],
  ])('refuses a metric that is %s', async (_, body, status) => {
    expect((await h.deliver('ci', body)).statusCode).toBe(status);
    await expectHarmless();
  });

  it.each([
    ['NaN', 'NaN'],
    ['Infinity', 'Infinity'],
    ['hex', '0x1'],
    ['out of range', '91'],
  ])('refuses a W&B metric text that is %s (422)', async (_, text) => {
    const body = BODIES.wandb.replace('"0.913"', JSON.stringify(text));
    expect((await h.deliver('wandb', body)).statusCode).toBe(422);
    await expectHarmless();
  });

  it('keeps no javascript: or foreign link: the value is written, the link dropped', async () => {
    for (const url of [
      'javascript:alert(document.cookie)',
      'https://evil.example/actions/runs/1',
      'http://github.com/acme/churn/actions/runs/1',
      'https://github.com@evil.example/x',
    ]) {
      expect((await h.deliver('ci', ciBody({ url, note: 'link' }))).statusCode).toBe(202);
    }
    expect(h.queued.every((event) => event.link === undefined)).toBe(true);
    await h.drain();
    const property = JSON.stringify(h.jira.properties.get(`ML-42/${EVIDENCE_PROPERTY_KEY}`));
    expect(property).not.toMatch(/javascript:|evil\.example|http:\/\//);
    // A link on the configured origin is kept.
    expect((await h.deliver('ci', ciBody({ note: 'good link' }))).statusCode).toBe(202);
    expect(h.queued.at(-1)?.link).toEqual({
      label: 'CI run',
      url: 'https://github.com/acme/churn/actions/runs/9876543210',
    });
    await h.drain();
    const history = readHistory(h.jira.properties.get(`ML-42/${EVIDENCE_PROPERTY_KEY}`));
    expect(history.latest.ci?.link?.url).toBe('https://github.com/acme/churn/actions/runs/9876543210');
  });

  it(`refuses a body over ${MAX_BODY_BYTES / 1024} KiB before verifying it (413)`, async () => {
    const body = ciBody({ padding: 'x'.repeat(MAX_BODY_BYTES) });
    expect((await h.deliver('ci', body)).statusCode).toBe(413);
    // Multi-byte characters count as bytes, not characters.
    const wide = ciBody({ padding: 'é'.repeat(MAX_BODY_BYTES / 2 + 10) });
    expect(wide.length).toBeLessThan(MAX_BODY_BYTES * 1.1);
    expect((await h.deliver('ci', wide)).statusCode).toBe(413);
    await expectHarmless();
  });

  it('stays cheap under a flood of bad requests: no Jira, no queue, one coalesced log entry', async () => {
    const setSpy = jest.spyOn(h.store, 'set');
    const responses = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        h.post('ci', ciBody({ n: i }), {
          'X-ML-Lanes-Signature': `v1,${'0'.repeat(64)}`,
          'X-ML-Lanes-Timestamp': String(NOW_S),
          'X-ML-Lanes-Delivery-Id': `flood-${i}`,
        }),
      ),
    );
    expect(new Set(responses.map((response) => response.statusCode))).toEqual(new Set([401]));
    const rejected = await rejections('ci');
    expect(rejected.length).toBeLessThanOrEqual(3);
    expect(rejected.reduce((sum, entry) => sum + entry.count, 0)).toBeGreaterThan(0);
    // Only the delivery log is written, never more than once per request.
    expect(setSpy.mock.calls.every(([key]) => key === 'evidence-log:ci')).toBe(true);
    setSpy.mockRestore();
    await expectHarmless();
  });
});
