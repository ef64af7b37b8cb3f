/**
 * The demo site after ML tools have posted to CV-105 ("Train v1.1 model…"): the app's evidence fields as the site
 * lists them (plain number/text fields here, as the simulator has no evidence app fields), CV-105's values in them,
 * and its `ml-lanes-evidence` property as the consumer writes it: MLflow's model version, W&B's holdout accuracy
 * (the newest, so the field's value), and an older CI delivery whose accuracy W&B has since replaced.
 */
import { defaultConfig } from '../../../src/config/defaults';
import type { MlLanesConfig } from '../../../src/config/schema';
import type { EvidenceHistory } from '../../../src/domain/evidence/evidence-history';
import { demoSite, type Workspace } from '../../../src/simulator';

export const EVIDENCE_ISSUE = 'CV-105';
const HOLDOUT = 'customfield_10960';
const MODEL_VERSION = 'customfield_10961';

export const CV105_EVIDENCE: EvidenceHistory = {
  version: 1,
  fields: {
    'holdout-accuracy': {
      value: 0.93,
      eventTime: '2026-11-27T10:15:00.000Z',
      tool: 'wandb',
      deliveryId: 'wandb-7f3a',
    },
    'model-version': {
      value: 'cv-classifier v12',
      eventTime: '2026-11-27T11:02:00.000Z',
      tool: 'mlflow',
      deliveryId: 'b1c9e0d4-mlflow',
    },
  },
  latest: {
    mlflow: {
      tool: 'mlflow',
      deliveryId: 'b1c9e0d4-mlflow',
      kind: 'model_version.created',
      eventTime: '2026-11-27T11:02:00.000Z',
      receivedAt: '2026-11-27T11:02:01.000Z',
      values: [{ field: 'model-version', value: 'cv-classifier v12' }],
      link: {
        label: 'MLflow model version',
        url: 'https://mlflow.example.com/#/models/cv-classifier/versions/12',
      },
      subject: 'cv-classifier v12',
    },
    wandb: {
      tool: 'wandb',
      deliveryId: 'wandb-7f3a',
      kind: 'ADD_ARTIFACT_ALIAS',
      eventTime: '2026-11-27T10:15:00.000Z',
      receivedAt: '2026-11-27T10:15:02.000Z',
      values: [{ field: 'holdout-accuracy', value: 0.93 }],
      link: { label: 'W&B project', url: 'https://wandb.ai/acme/vision' },
      subject: 'artifact acme/vision/model:v7',
    },
    ci: {
      tool: 'ci',
      deliveryId: 'gh-4242-1',
      kind: 'ci.metrics',
      eventTime: '2026-11-26T16:40:00.000Z',
      receivedAt: '2026-11-26T16:40:03.000Z',
      values: [{ field: 'holdout-accuracy', value: 0.89 }],
      link: { label: 'CI run', url: 'https://github.com/acme/vision/actions/runs/4242' },
      subject: 'CI run 4242',
    },
  },
  deliveries: [],
};

/** The demo site with CV-105's evidence; `evidence` replaces its property (null: none at all). */
export function evidenceSite(evidence: unknown = CV105_EVIDENCE): Workspace {
  const site = demoSite();
  return {
    ...site,
    fields: [
      ...site.fields,
      { id: HOLDOUT, name: 'ML holdout accuracy', schemaType: 'number' },
      { id: MODEL_VERSION, name: 'ML model version', schemaType: 'string' },
    ],
    issues: site.issues.map((issue) =>
      issue.key === EVIDENCE_ISSUE
        ? {
            ...issue,
            fields: { ...issue.fields, [HOLDOUT]: 0.93, [MODEL_VERSION]: 'cv-classifier v12' },
            properties: {
              ...issue.properties,
              ...(evidence === null ? {} : { 'ml-lanes-evidence': evidence as never }),
            },
          }
        : issue,
    ),
  };
}

/** The default configuration, with the model lane's Definition of Done reading the evidence field. */
export function evidenceConfig(): MlLanesConfig {
  const config = defaultConfig();
  config.dod.model?.items.unshift({
    id: 'ml-holdout',
    label: 'ML holdout accuracy ≥ 0.90',
    kind: 'auto',
    field: 'ML holdout accuracy',
    rule: { op: 'gte', value: 0.9 },
  });
  return config;
}
