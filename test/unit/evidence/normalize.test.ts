import { defaultConnections, type Connections } from '../../../src/config/connections-schema';
import type { EvidenceTool } from '../../../src/domain/evidence/evidence-event';
import { normalizeDelivery, type Normalized } from '../../../src/domain/evidence/normalize';
import { wandbTemplate } from '../../../src/domain/evidence/normalize-wandb';
import { BODIES, fixture, NOW } from './support/harness';

function settings(change: (tools: Connections['tools']) => void = () => undefined): Connections['tools'] {
  const tools = defaultConnections().tools;
  tools.mlflow.baseUrl = 'https://mlflow.acme.example';
  tools.labelstudio.baseUrl = 'https://label.acme.example';
  change(tools);
  return tools;
}

function normalize(tool: EvidenceTool, body: string, tools = settings()): Normalized {
  return normalizeDelivery(tool, JSON.parse(body), {
    deliveryId: 'd-1',
    receivedAt: NOW,
    settings: tools[tool],
    signedAt: NOW,
  });
}

describe("normalizing each tool's delivery into one evidence event", () => {
  it('MLflow model_version.created: the key from the `jira` tag, the model version, a link built from the base URL', () => {
    expect(normalize('mlflow', BODIES.mlflow)).toEqual({
      ok: true,
      event: {
        tool: 'mlflow',
        deliveryId: 'd-1',
        issueKey: 'ML-42',
        eventTime: '2026-11-30T06:00:00.123Z',
        receivedAt: NOW.toISOString(),
        kind: 'model_version.created',
        values: [{ field: 'model-version', value: 'churn v3' }],
        link: { label: 'model version', url: 'https://mlflow.acme.example/#/models/churn/versions/3' },
        subject: 'churn v3',
      },
    });
  });

  it('MLflow model_version_tag.set of the `jira` tag names the issue; other tags and alias events are ignored', () => {
    expect(normalize('mlflow', fixture('mlflow-model-version-tag-set.json'))).toMatchObject({
      ok: true,
      event: { issueKey: 'ML-42', values: [{ field: 'model-version', value: 'churn v4' }] },
    });
    const otherTag = fixture('mlflow-model-version-tag-set.json').replace('"key": "jira"', '"key": "owner"');
    expect(normalize('mlflow', otherTag)).toMatchObject({ ok: false, ignored: true });
    expect(normalize('mlflow', fixture('mlflow-model-version-alias-created.json'))).toMatchObject({
      ok: false,
      ignored: true,
    });
  });

  it('MLflow without a `jira` tag, or a lowercase key, is refused with the place named', () => {
    const untagged = BODIES.mlflow.replace('"jira": "ML-42", ', '');
    expect(normalize('mlflow', untagged)).toEqual({
      ok: false,
      reason: 'no issue key in the model version tag "jira"',
    });
    const lower = BODIES.mlflow.replace('"ML-42"', '"ml-42"');
    expect(normalize('mlflow', lower)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/no issue key/),
    });
  });

  it('reads the key only from the configured place: a key in the model name counts only when configured', () => {
    const byName = settings((tools) => {
      tools.mlflow.keySource = { place: 'model-name' };
    });
    expect(normalize('mlflow', BODIES.mlflow, byName)).toEqual({
      ok: false,
      reason: 'no issue key in the model name',
    });
  });

  it('Databricks: the key from the model name, model version and stage, the event time from event_timestamp', () => {
    const tools = settings((all) => {
      all.databricks.mappings.push({ from: 'stage', to: 'qa-suite' });
    });
    // "Production" is not a QA result: a mapping to the wrong kind of field refuses the delivery.
    expect(normalize('databricks', BODIES.databricks, tools)).toMatchObject({
      ok: false,
      reason: 'stage: not one of passed, failed',
    });
    expect(normalize('databricks', BODIES.databricks)).toMatchObject({
      ok: true,
      event: {
        issueKey: 'ML-42',
        kind: 'MODEL_VERSION_TRANSITIONED_STAGE',
        eventTime: '2026-11-30T06:00:00.000Z',
        values: [{ field: 'model-version', value: 'ML-42 churn v8' }],
        subject: 'ML-42 churn v8 → Production',
      },
    });
  });

  it('W&B: metrics substituted as decimal text become numbers; the artifact version a dataset version', () => {
    expect(normalize('wandb', BODIES.wandb)).toMatchObject({
      ok: true,
      event: {
        issueKey: 'ML-42',
        kind: 'ADD_ARTIFACT_ALIAS',
        eventTime: NOW.toISOString(),
        values: [
          { field: 'holdout-accuracy', value: 0.913 },
          { field: 'dataset-version', value: 'churn-dataset:v7' },
        ],
        link: { url: 'https://wandb.ai/acme-ml/churn' },
      },
    });
  });

  it('W&B: the documented template is valid JSON once substituted', () => {
    const template = wandbTemplate('jira_key', ['accuracy']);
    const substituted = template.replace(/\$\{[^}]+\}/g, 'x');
    expect(() => JSON.parse(substituted) as unknown).not.toThrow();
    expect(JSON.parse(substituted)).toMatchObject({ tool: 'wandb', issue: 'x', metrics: { accuracy: 'x' } });
  });

  it('Label Studio: the key from the project title, counters recorded, token and password never read', () => {
    const result = normalize('labelstudio', BODIES.labelstudio);
    expect(result).toEqual({
      ok: true,
      event: {
        tool: 'labelstudio',
        deliveryId: 'd-1',
        issueKey: 'ML-42',
        eventTime: '2026-11-30T05:52:48.536Z',
        receivedAt: NOW.toISOString(),
        kind: 'ANNOTATION_CREATED',
        values: [
          { field: 'items-labeled', value: 812 },
          { field: 'items-target', value: 1000 },
        ],
        link: { label: 'Label Studio project', url: 'https://label.acme.example/projects/2' },
        subject: 'project ML-42 Label cats (812/1000)',
        counters: { finishedTasks: 812, totalTasks: 1000, annotations: 1650 },
      },
    });
    expect(JSON.stringify(result)).not.toMatch(/9105a1d897e52286|hunter2/);
  });

  it('Label Studio: counters recorded even with nothing mapped (the forecast reads them)', () => {
    const unmapped = settings((tools) => {
      tools.labelstudio.mappings = [];
    });
    expect(normalize('labelstudio', BODIES.labelstudio, unmapped)).toMatchObject({
      ok: true,
      event: { values: [], counters: { finishedTasks: 812, totalTasks: 1000 } },
    });
  });

  it('CI: metrics, the dataset as path@md5, the QA result, the event time from the signed timestamp', () => {
    expect(normalize('ci', BODIES.ci)).toMatchObject({
      ok: true,
      event: {
        issueKey: 'ML-42',
        eventTime: NOW.toISOString(),
        values: [
          { field: 'holdout-accuracy', value: 0.91 },
          { field: 'annotator-agreement', value: 0.985 },
          { field: 'dataset-version', value: 'data/prepared@f8934609d1c2b3a4e5f60718293a4b5c.dir' },
          { field: 'qa-suite', value: 'passed' },
        ],
        subject: 'CI run github:9876543210',
      },
    });
  });

  it('an event time later than receipt counts as receipt: a clock ahead cannot pin a value', () => {
    const ahead = JSON.stringify({ ...(JSON.parse(BODIES.ci) as object), time: '2030-01-01T00:00:00Z' });
    expect(normalize('ci', ahead)).toMatchObject({ ok: true, event: { eventTime: NOW.toISOString() } });
  });

  it('reads no inherited property: a key under __proto__ or constructor is no key', () => {
    const tools = settings((all) => {
      all.ci.keySource = { place: 'payload-field', name: 'constructor' };
    });
    expect(normalize('ci', '{"metrics":{"accuracy":0.9}}', tools)).toMatchObject({ ok: false });
    expect(normalize('ci', '{"__proto__":{"issue":"ML-1"},"metrics":{"accuracy":0.9}}')).toMatchObject({
      ok: false,
      reason: 'no issue key in the payload field "issue"',
    });
  });
});
