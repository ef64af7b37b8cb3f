/**
 * The demo's ML tool deliveries (issue 12, "Send a test delivery"): per tool, a payload in the tool's recorded shape
 * (test/fixtures/ml-tools/) naming a demo issue where the Connections settings say the key is, with plausible
 * values; and the Definition of Done items that read the evidence fields those values land in.
 */
import type { ToolSettings } from '../config/connections-schema';
import type { DodItem, MlLanesConfig } from '../config/schema';
import {
  EVIDENCE_FIELD_SPECS,
  type EvidenceField,
  type EvidenceTool,
} from '../domain/evidence/evidence-event';

/** The demo site's project: it must be on the Connections allow-list for evidence to land. */
export const DEMO_EVIDENCE_PROJECT = 'CV';

export interface DemoDelivery {
  tool: EvidenceTool;
  /** The demo issue the payload names: CV-105 (train v1.1, model lane) or CV-101 (label 1,000 images, data lane). */
  issueKey: string;
  /** The lane of that issue in the demo configuration, whose Definition of Done reads `field`. */
  lane: 'model' | 'data';
  /** The evidence field whose Definition of Done item the delivery ticks. */
  field: EvidenceField;
  body: string;
}

/** The Definition of Done item reading each evidence field the demo deliveries set. */
export const DEMO_EVIDENCE_DOD: Readonly<Record<'model' | 'data', readonly DodItem[]>> = {
  model: [
    {
      id: 'ml-holdout-accuracy',
      label: 'ML holdout accuracy ≥ 0.90',
      kind: 'auto',
      field: EVIDENCE_FIELD_SPECS['holdout-accuracy'].name,
      rule: { op: 'gte', value: 0.9 },
    },
    {
      id: 'ml-model-version',
      label: 'ML model version recorded',
      kind: 'auto',
      field: EVIDENCE_FIELD_SPECS['model-version'].name,
      rule: { op: 'not-empty' },
    },
  ],
  data: [
    {
      id: 'ml-items-labeled',
      label: 'ML items labeled ≥ 1,000',
      kind: 'auto',
      field: EVIDENCE_FIELD_SPECS['items-labeled'].name,
      rule: { op: 'gte', value: 1000 },
    },
  ],
};

/**
 * The configuration with the demo's evidence items in the model and data lanes' Definitions of Done (a fresh copy;
 * `config` is not changed); null when it already has them all, or has neither lane. Items reading the same field
 * already are kept as they are.
 */
export function withEvidenceDod(config: MlLanesConfig): { config: MlLanesConfig; added: string[] } | null {
  const next = structuredClone(config);
  const added: string[] = [];
  for (const lane of ['model', 'data'] as const) {
    const template = next.dod[lane];
    if (!template) continue;
    for (const item of DEMO_EVIDENCE_DOD[lane]) {
      const reads = template.items.some(
        (each) => each.kind === 'auto' && each.field === (item as { field: string }).field,
      );
      if (reads || template.items.some((each) => each.id === item.id)) continue;
      template.items.push(structuredClone(item));
      added.push(`“${item.label}” (${lane} lane)`);
    }
  }
  return added.length > 0 ? { config: next, added } : null;
}

const MODEL_ISSUE = 'CV-105';
const DATA_ISSUE = 'CV-101';

/** Python's `json.dumps` separators, as MLflow and Databricks send their bodies. */
const pythonJson = (value: unknown) => JSON.stringify(value).replace(/","/g, '", "').replace(/":/g, '": ');

/**
 * A fresh sample delivery for `tool`, as of `now`: the issue key where `settings` say the tool's delivery names it.
 * Each sample carries a new version or run number, so successive sends are distinct deliveries, newer than the last.
 */
export function demoDelivery(tool: EvidenceTool, settings: ToolSettings, now: Date): DemoDelivery {
  const run = Math.floor(now.getTime() / 1000) % 1_000_000;
  const name = settings.keySource.name;
  switch (tool) {
    case 'mlflow': {
      const byName = settings.keySource.place === 'model-name';
      const model = byName ? `${MODEL_ISSUE} cv-classifier` : 'cv-classifier';
      return {
        tool,
        issueKey: MODEL_ISSUE,
        lane: 'model',
        field: 'model-version',
        body: pythonJson({
          entity: 'model_version',
          action: 'created',
          timestamp: now.toISOString().replace('Z', '+00:00'),
          data: {
            name: model,
            version: String(run),
            source: `runs:/cv${run}/model`,
            run_id: `cv${run}`,
            tags: byName ? { team: 'vision' } : { [name ?? 'jira']: MODEL_ISSUE, team: 'vision' },
            description: 'v1.1 trained on the 1,000 labeled images',
          },
        }),
      };
    }
    case 'databricks': {
      const inComment = settings.keySource.place === 'comment';
      return {
        tool,
        issueKey: MODEL_ISSUE,
        lane: 'model',
        field: 'model-version',
        body: pythonJson({
          event: 'MODEL_VERSION_TRANSITIONED_STAGE',
          webhook_id: 'c5596721253c4b429368cf6f4341b88a',
          event_timestamp: now.getTime(),
          model_name: inComment ? 'cv-classifier' : `${MODEL_ISSUE} cv-classifier`,
          version: String(run),
          to_stage: 'Staging',
          from_stage: 'None',
          text: inComment ? `${MODEL_ISSUE}: holdout review passed` : 'Holdout review passed',
        }),
      };
    }
    case 'wandb':
      return {
        tool,
        issueKey: MODEL_ISSUE,
        lane: 'model',
        field: 'holdout-accuracy',
        body: JSON.stringify({
          tool: 'wandb',
          event: 'ADD_ARTIFACT_ALIAS',
          entity: 'acme-ml',
          project: 'vision',
          artifact: `cv-classifier:v${run}`,
          issue: MODEL_ISSUE,
          metrics: { accuracy: '0.931' },
        }),
      };
    case 'labelstudio': {
      const title =
        settings.keySource.place === 'project-description' ? 'Label cats' : `${DATA_ISSUE} Label cats`;
      const at = now.toISOString();
      return {
        tool,
        issueKey: DATA_ISSUE,
        lane: 'data',
        field: 'items-labeled',
        body: JSON.stringify(
          {
            action: 'ANNOTATION_CREATED',
            annotation: {
              id: run,
              result: [],
              was_cancelled: false,
              created_at: at,
              updated_at: at,
              task: 1000,
            },
            project: {
              id: 2,
              title,
              description: settings.keySource.place === 'project-description' ? `Jira: ${DATA_ISSUE}` : '',
              task_number: 1000,
              finished_task_number: 1000,
              total_annotations_number: 2040,
              num_tasks_with_annotations: 1000,
              useful_annotation_number: 2000,
              skipped_annotations_number: 40,
            },
          },
          null,
          2,
        ),
      };
    }
    case 'ci':
      return {
        tool,
        issueKey: MODEL_ISSUE,
        lane: 'model',
        field: 'holdout-accuracy',
        body: JSON.stringify(
          {
            [name ?? 'issue']: MODEL_ISSUE,
            event: 'ci.metrics',
            run: `github:${run}`,
            metrics: { accuracy: 0.93, agreement: 0.985 },
            dataset: { path: 'data/prepared', md5: 'f8934609d1c2b3a4e5f60718293a4b5c.dir' },
            qa_suite: 'passed',
            url: `https://github.com/acme/vision/actions/runs/${run}`,
          },
          null,
          2,
        ),
      };
  }
}
