/**
 * Issue 12, item 7: the playground serves the web trigger locally. A signed sample posted by "Send a test delivery"
 * goes over HTTP through the playground's route into the very handler the manifest names, the in-process queue and
 * the consumer, and lands in the simulator's evidence field and the issue's `ml-lanes-evidence` property; a
 * tampered one is refused with 401 and changes nothing. The simulator takes number values for number fields.
 */
import type { IssuePanelView } from '../../src/contract/issue-api';
import { DEMO_EVIDENCE_PROJECT } from '../../src/demo/evidence-demo';
import type { TestDeliveryResult } from '../../static/playground/src/test-delivery-api';
import { signedDelivery } from '../../src/webhooks/sign-delivery';
import { startEvidenceStage, type EvidenceStage } from './playground-evidence-stage';

const HOLDOUT = 'customfield_10970';
const MODEL_VERSION = 'customfield_10975';

let stage: EvidenceStage;
beforeAll(async () => {
  stage = await startEvidenceStage();
}, 60_000);
afterAll(() => stage?.close());

/** "Send a test delivery" as the host page asks for it. */
async function testDelivery(tool: string, tamper: boolean): Promise<TestDeliveryResult> {
  const response = await fetch(`${stage.playground.url}/__playground/test-delivery`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: stage.playground.url },
    body: JSON.stringify({ tool, tamper }),
  });
  const body = (await response.json()) as { result?: TestDeliveryResult; error?: string };
  if (!body.result) throw new Error(`test delivery failed: ${response.status} ${body.error}`);
  return body.result;
}

const fieldOf = async (issue: string, field: string) =>
  (
    (await stage.jira(`/rest/api/3/issue/${issue}?fields=${field}`)).body as {
      fields: Record<string, unknown>;
    }
  ).fields[field];
const evidenceOf = async (issue: string) =>
  stage.jira(`/rest/api/3/issue/${issue}/properties/ml-lanes-evidence`);

describe("the playground's web trigger", () => {
  it('lands a signed CI sample in the evidence field and the issue property, setting the demo up first', async () => {
    expect(await fieldOf('CV-105', HOLDOUT)).toBeNull();
    const result = await testDelivery('ci', false);
    expect(result).toMatchObject({
      status: 202,
      issueKey: 'CV-105',
      url: stage.routeOf('ci'),
      written: true,
      tampered: null,
      dodItem: 'ML holdout accuracy ≥ 0.90',
    });
    expect(result.log.map((line) => line.outcome)).toEqual(['accepted', 'written']);
    expect(result.setUp).toEqual([
      'Turned CI pipeline on in Connections.',
      `Allowed project ${DEMO_EVIDENCE_PROJECT} to receive evidence.`,
      expect.stringMatching(/^CI pipeline had no secret: created one for the demo/),
      expect.stringMatching(/^Added “ML holdout accuracy ≥ 0\.90” \(model lane\)/),
    ]);

    expect(await fieldOf('CV-105', HOLDOUT)).toBe(0.93);
    const property = await evidenceOf('CV-105');
    expect(property.status).toBe(200);
    const history = (property.body as { value: { latest: Record<string, { values: unknown[] }> } }).value;
    expect(history.latest.ci?.values).toContainEqual({ field: 'holdout-accuracy', value: 0.93 });

    // The demo configuration now has the DoD item that reads the field.
    const { config } = await stage.configs.load({});
    expect(config.dod.model?.items.map((item) => item.label)).toContain('ML holdout accuracy ≥ 0.90');
  });

  it('refuses a tampered sample with 401 and changes nothing in Jira', async () => {
    await testDelivery('ci', false);
    const field = await fieldOf('CV-105', HOLDOUT);
    const property = await evidenceOf('CV-105');

    const result = await testDelivery('ci', true);
    expect(result).toMatchObject({ status: 401, tampered: 'body', written: false, setUp: [] });
    expect(JSON.parse(result.answer)).toEqual({ error: 'signature does not match' });
    expect(result.log).toEqual([
      expect.objectContaining({ outcome: 'rejected', reason: 'signature does not match' }),
    ]);
    expect(stage.evidence.queue.pending()).toBe(0);
    expect(await fieldOf('CV-105', HOLDOUT)).toBe(field);
    expect(await evidenceOf('CV-105')).toEqual(property);
  });

  it('refuses a W&B delivery whose bearer secret has one byte changed (W&B signs no body)', async () => {
    const result = await testDelivery('wandb', true);
    expect(result).toMatchObject({ status: 401, tampered: 'secret', written: false });
    expect(result.log).toEqual([
      expect.objectContaining({ outcome: 'rejected', reason: 'wrong bearer secret' }),
    ]);
  });

  it('takes a delivery posted straight to the route as MLflow signs it, headers in any case', async () => {
    await testDelivery('mlflow', false);
    const secret = (await stage.access.secrets.secretFor('mlflow'))!;
    const body = JSON.stringify({
      entity: 'model_version',
      action: 'created',
      timestamp: new Date().toISOString(),
      data: { name: 'cv-detector', version: '4', tags: { jira: 'CV-105' } },
    });
    const signed = signedDelivery('mlflow', body, secret, {
      deliveryId: '6f1c9a52-1b0e-4c1d-9a55-3f1e2d7c8b90',
      timestampSeconds: Math.floor(Date.now() / 1000),
    });
    const headers = Object.fromEntries(
      Object.entries(signed.headers).map(([name, value]) => [name.toUpperCase(), value]),
    );
    const response = await fetch(stage.routeOf('mlflow'), { method: 'POST', headers, body });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: '6f1c9a52-1b0e-4c1d-9a55-3f1e2d7c8b90' });
    for (
      let waited = 0;
      (await fieldOf('CV-105', MODEL_VERSION)) !== 'cv-detector v4' && waited < 10_000;
      waited += 100
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await fieldOf('CV-105', MODEL_VERSION)).toBe('cv-detector v4');

    expect(
      (await fetch(`${stage.playground.url}/webtrigger/ml-lanes-evidence/nope`, { method: 'POST' })).status,
    ).toBe(404);
  });

  it("lands Label Studio's counters on the data lane's issue, whose DoD item on items labeled is then met", async () => {
    const result = await testDelivery('labelstudio', false);
    expect(result).toMatchObject({
      status: 202,
      issueKey: 'CV-101',
      written: true,
      dodItem: 'ML items labeled ≥ 1,000',
    });
    expect(await fieldOf('CV-101', 'customfield_10972')).toBe(1000);
    // The issue panel, as the playground's page asks for it, reads the field the delivery set.
    const response = await fetch(`${stage.playground.url}/__playground/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: stage.playground.url },
      body: JSON.stringify({
        functionKey: 'getIssuePanel',
        payload: {},
        context: { extension: { issue: { key: 'CV-101' } } },
      }),
    });
    const panel = ((await response.json()) as { result: { ok: true; data: IssuePanelView } }).result.data;
    expect(panel.dod.items.find((item) => item.id === 'ml-items-labeled')).toMatchObject({ met: true });
  });

  it('is only for the playground page: another origin cannot make it sign', async () => {
    const response = await fetch(`${stage.playground.url}/__playground/test-delivery`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: JSON.stringify({ tool: 'ci', tamper: false }),
    });
    expect(response.status).toBe(403);
  });
});

describe("the simulator's app field values", () => {
  const post = (updates: unknown) =>
    fetch(`${stage.simulator.url}/rest/api/3/app/field/value`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Basic ${Buffer.from('stage@example.com:stage-token').toString('base64')}`,
      },
      body: JSON.stringify({ updates }),
    });

  it('takes a number for a number field and refuses text there', async () => {
    expect((await post([{ customField: HOLDOUT, issueIds: [10101], value: 0.5 }])).status).toBe(204);
    const refused = await post([{ customField: HOLDOUT, issueIds: [10101], value: '0.5' }]);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/must be a number/);
  });
});
