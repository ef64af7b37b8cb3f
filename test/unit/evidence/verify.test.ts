import type { EvidenceTool } from '../../../src/domain/evidence/evidence-event';
import { bodyDigest, signDelivery, verifyDelivery } from '../../../src/webhooks/verify';
import type { WebhookRequest } from '../../../src/webhooks/webhook-request';
import { BODIES, NOW, NOW_S } from './support/harness';

const SECRET = 'mlflow-test-secret-0123456789abcdefghij';

/** As Forge hands headers over: names lowercased, each value in a list. */
function request(tool: EvidenceTool, body: string, headers: Record<string, string>): WebhookRequest {
  return {
    method: 'POST',
    path: `/${tool}`,
    headers: Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name.toLowerCase(), [value]]),
    ),
    body,
  };
}

const signed = (tool: EvidenceTool, body = BODIES[tool]) =>
  request(tool, body, signDelivery(tool, body, SECRET, { deliveryId: 'd-1', timestampSeconds: NOW_S }));

describe('verifying a delivery over its raw body', () => {
  it("matches MLflow's own signature (computed with Python's hmac as mlflow/webhooks/delivery.py does)", () => {
    const delivery = request('mlflow', BODIES.mlflow, {
      'X-MLflow-Delivery-Id': '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      'X-MLflow-Timestamp': '1796018700',
      'X-MLflow-Signature': 'v1,qxY0JmoS4KlTt6W+tKltAFJrdUtqA5GPGcJHnUusOXs=',
    });
    expect(verifyDelivery('mlflow', delivery, SECRET, NOW)).toEqual({
      ok: true,
      deliveryId: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      signedAt: NOW,
    });
  });

  it.each(['mlflow', 'databricks', 'wandb', 'labelstudio', 'ci'] as const)(
    'accepts a correctly signed %s delivery, headers in any case',
    (tool) => {
      expect(verifyDelivery(tool, signed(tool), SECRET, NOW)).toMatchObject({ ok: true });
      const upper = signed(tool);
      const headers = Object.fromEntries(Object.entries(upper.headers).map(([k, v]) => [k.toUpperCase(), v]));
      expect(verifyDelivery(tool, { ...upper, headers }, SECRET, NOW)).toMatchObject({ ok: true });
    },
  );

  it('uses the body digest as the delivery id of tools that send none', () => {
    expect(verifyDelivery('labelstudio', signed('labelstudio'), SECRET, NOW)).toEqual({
      ok: true,
      deliveryId: bodyDigest(BODIES.labelstudio),
    });
  });

  it.each(['mlflow', 'databricks', 'wandb', 'labelstudio', 'ci'] as const)(
    'refuses %s with another secret, and never with an empty one',
    (tool) => {
      expect(verifyDelivery(tool, signed(tool), `${SECRET}x`, NOW).ok).toBe(false);
      expect(verifyDelivery(tool, signed(tool), '', NOW)).toEqual({ ok: false, reason: 'route not set up' });
    },
  );

  it('refuses a signature header sent twice', () => {
    const delivery = signed('ci');
    const headers = { ...delivery.headers, 'X-ML-Lanes-Signature': delivery.headers['x-ml-lanes-signature'] };
    expect(verifyDelivery('ci', { ...delivery, headers }, SECRET, NOW)).toEqual({
      ok: false,
      reason: 'unsigned',
    });
  });

  it('binds the delivery id into MLflow and CI signatures: a new id cannot dodge deduplication', () => {
    for (const tool of ['mlflow', 'ci'] as const) {
      const delivery = signed(tool);
      const name = tool === 'mlflow' ? 'x-mlflow-delivery-id' : 'x-ml-lanes-delivery-id';
      const headers = { ...delivery.headers, [name]: ['d-2'] };
      expect(verifyDelivery(tool, { ...delivery, headers }, SECRET, NOW)).toEqual({
        ok: false,
        reason: 'signature does not match',
      });
    }
  });

  it("checks W&B's X-Wandb-Signature when it is sent", () => {
    const delivery = signed('wandb');
    const headers = { ...delivery.headers, 'x-wandb-signature': ['AAAA'] };
    expect(verifyDelivery('wandb', { ...delivery, headers }, SECRET, NOW)).toEqual({
      ok: false,
      reason: 'signature does not match',
    });
  });

  it('accepts timestamps within five minutes either way, and not beyond', () => {
    const at = (seconds: number) =>
      request(
        'ci',
        BODIES.ci,
        signDelivery('ci', BODIES.ci, SECRET, { deliveryId: 'd', timestampSeconds: seconds }),
      );
    expect(verifyDelivery('ci', at(NOW_S - 300), SECRET, NOW).ok).toBe(true);
    expect(verifyDelivery('ci', at(NOW_S + 300), SECRET, NOW).ok).toBe(true);
    expect(verifyDelivery('ci', at(NOW_S - 301), SECRET, NOW).ok).toBe(false);
    // Milliseconds are not seconds: a sender that confuses them is told, not accepted.
    expect(verifyDelivery('ci', at(NOW.getTime()), SECRET, NOW)).toEqual({
      ok: false,
      reason: expect.stringMatching(/timestamp/),
    });
  });
});
