import type { KeySourceOption, OfferedValue } from '../contract/connections-api';
import type { EvidenceTool } from '../domain/evidence/evidence-event';

/**
 * How the Connections page describes each tool's settings: where its deliveries may name their issue (the places
 * src/config/connections-schema.ts allows), which values they offer for mapping, and an example base URL.
 */

interface ToolDescription {
  keySources: KeySourceOption[];
  offers: OfferedValue[];
  baseUrlExample: string;
}

const modelName: KeySourceOption = {
  place: 'model-name',
  label: 'The registered model’s name',
  nameLabel: null,
  defaultName: null,
};
const modelVersion: OfferedValue = { from: 'model_version', hint: 'the model and version, e.g. “churn v3”' };
const metric: OfferedValue = { from: 'metrics.', hint: 'a metric: add its name after the dot' };

export const TOOL_DESCRIPTIONS: Readonly<Record<EvidenceTool, ToolDescription>> = {
  mlflow: {
    keySources: [
      {
        place: 'model-version-tag',
        label: 'A model version tag',
        nameLabel: 'Tag',
        defaultName: 'jira',
      },
      modelName,
    ],
    offers: [modelVersion],
    baseUrlExample: 'https://mlflow.example.com',
  },
  databricks: {
    keySources: [
      modelName,
      { place: 'comment', label: 'A transition request’s comment', nameLabel: null, defaultName: null },
    ],
    offers: [modelVersion, { from: 'stage', hint: 'the stage it moved to, e.g. “Production”' }],
    baseUrlExample: 'https://example.cloud.databricks.com',
  },
  wandb: {
    keySources: [
      {
        place: 'artifact-metadata',
        label: 'An artifact metadata key',
        nameLabel: 'Metadata key',
        defaultName: 'jira_key',
      },
    ],
    offers: [{ from: 'artifact', hint: 'the artifact version, e.g. “dataset:v7”' }, metric],
    baseUrlExample: 'https://wandb.ai',
  },
  labelstudio: {
    keySources: [
      { place: 'project-title', label: 'The project title', nameLabel: null, defaultName: null },
      { place: 'project-description', label: 'The project description', nameLabel: null, defaultName: null },
    ],
    offers: [
      { from: 'finished_tasks', hint: 'tasks finished' },
      { from: 'total_tasks', hint: 'tasks in the project' },
      { from: 'annotations', hint: 'annotations made' },
    ],
    baseUrlExample: 'https://label-studio.example.com',
  },
  ci: {
    keySources: [
      { place: 'payload-field', label: 'A field of the payload', nameLabel: 'Field', defaultName: 'issue' },
    ],
    offers: [
      { from: 'dataset', hint: 'the dataset version, “path@md5”' },
      { from: 'qa_suite', hint: '“passed” or “failed”' },
      metric,
    ],
    baseUrlExample: 'https://github.com',
  },
};
