import { z } from 'zod';
import {
  evidenceFieldSchema,
  type EvidenceField,
  type EvidenceTool,
} from '../domain/evidence/evidence-event';

/**
 * The Connections settings: per ML tool whether its route is on, where the issue key is read from, the base URL
 * links are built from, and which of the delivery's named values land in which evidence field; plus the
 * site-wide allow-list of projects that may receive evidence. Saved by admins (src/storage/connections-store.ts);
 * secrets are NOT in here (src/storage/webhook-secrets.ts).
 *
 * Value names a tool's delivery offers (the `from` of a mapping):
 * - mlflow, databricks: `model_version` ("churn v3"); databricks also `stage` ("Production").
 * - wandb: `artifact` (the version string) and `metrics.<name>` for each value of the template's `metrics`.
 * - labelstudio: `finished_tasks`, `total_tasks`, `annotations` (the project's counters).
 * - ci: `dataset` ("path@md5"), `qa_suite` ("passed"/"failed") and `metrics.<name>`.
 */

export const CONNECTIONS_VERSION = 1;

/** Where each tool's delivery names its issue. Only these places are read; the key must match the strict pattern. */
export const KEY_SOURCES = {
  /** An MLflow model-version tag (default `jira`), or the registered model's name. */
  mlflow: ['model-version-tag', 'model-name'],
  /** Databricks payloads carry no tags: the model's name, or the comment text of a transition request. */
  databricks: ['model-name', 'comment'],
  /** The template's `issue` field, filled from the artifact metadata key `name` (default `jira_key`). */
  wandb: ['artifact-metadata'],
  labelstudio: ['project-title', 'project-description'],
  /** A top-level field of the CI payload (default `issue`). */
  ci: ['payload-field'],
} as const satisfies Record<EvidenceTool, readonly string[]>;

export type KeySourcePlace<T extends EvidenceTool = EvidenceTool> = (typeof KEY_SOURCES)[T][number];

/** A tag, metadata key or payload field name: short, no dots (top-level only), nothing to interpret. */
const NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
/** A value name a tool offers: `model_version`, `metrics.val_acc`, … */
const VALUE_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}(\.[A-Za-z0-9_/-]{1,64})?$/;

const keySourceSchema = <T extends EvidenceTool>(tool: T) =>
  z.strictObject({
    place: z.enum(KEY_SOURCES[tool] as unknown as [KeySourcePlace<T>, ...KeySourcePlace<T>[]]),
    /** The tag, metadata key or field name, for the places that need one. */
    name: z.string().regex(NAME, 'a name of letters, digits, _ or -').optional(),
  });

export const fieldMappingSchema = z.strictObject({
  from: z.string().regex(VALUE_NAME, 'a value name such as metrics.val_acc'),
  to: evidenceFieldSchema,
});
export type FieldMapping = z.infer<typeof fieldMappingSchema>;

/**
 * The tool's own web address (`https://mlflow.example.com`, `https://wandb.ai`): links are built from it, and a
 * link in a payload is kept only when it has this origin. An origin only: no path, query or credentials.
 */
const baseUrlSchema = z
  .string()
  .max(200)
  .refine((url) => httpsOrigin(url) !== null, 'an https origin such as https://mlflow.example.com');

const toolSettingsSchema = <T extends EvidenceTool>(tool: T) =>
  z.strictObject({
    enabled: z.boolean(),
    keySource: keySourceSchema(tool),
    baseUrl: baseUrlSchema.optional(),
    mappings: z
      .array(fieldMappingSchema)
      .max(20, 'at most 20 mappings')
      .refine(
        (mappings) => new Set(mappings.map((m) => m.from)).size === mappings.length,
        'a value is mapped twice',
      ),
  });

/** A Jira project key. */
const PROJECT_KEY = /^[A-Z][A-Z0-9_]{1,9}$/;

export const connectionsSchema = z.strictObject({
  version: z.literal(CONNECTIONS_VERSION),
  /** Projects whose issues may receive evidence; empty means none (nothing is written until an admin says). */
  allowedProjects: z
    .array(z.string().regex(PROJECT_KEY, 'a project key such as ML'))
    .max(500)
    .refine((keys) => new Set(keys).size === keys.length, 'a project listed twice'),
  tools: z.strictObject({
    mlflow: toolSettingsSchema('mlflow'),
    databricks: toolSettingsSchema('databricks'),
    wandb: toolSettingsSchema('wandb'),
    labelstudio: toolSettingsSchema('labelstudio'),
    ci: toolSettingsSchema('ci'),
  }),
});
export type Connections = z.infer<typeof connectionsSchema>;
export type ToolSettings = Connections['tools'][EvidenceTool];

const map = (from: string, to: EvidenceField): FieldMapping => ({ from, to });

/** Everything off, no project allowed: a new site receives nothing until an admin turns a tool on. */
export function defaultConnections(): Connections {
  return {
    version: CONNECTIONS_VERSION,
    allowedProjects: [],
    tools: {
      mlflow: {
        enabled: false,
        keySource: { place: 'model-version-tag', name: 'jira' },
        mappings: [map('model_version', 'model-version')],
      },
      databricks: {
        enabled: false,
        keySource: { place: 'model-name' },
        mappings: [map('model_version', 'model-version')],
      },
      wandb: {
        enabled: false,
        keySource: { place: 'artifact-metadata', name: 'jira_key' },
        baseUrl: 'https://wandb.ai',
        mappings: [map('metrics.accuracy', 'holdout-accuracy'), map('artifact', 'dataset-version')],
      },
      labelstudio: {
        enabled: false,
        keySource: { place: 'project-title' },
        mappings: [map('finished_tasks', 'items-labeled'), map('total_tasks', 'items-target')],
      },
      ci: {
        enabled: false,
        keySource: { place: 'payload-field', name: 'issue' },
        mappings: [
          map('metrics.accuracy', 'holdout-accuracy'),
          map('metrics.agreement', 'annotator-agreement'),
          map('dataset', 'dataset-version'),
          map('qa_suite', 'qa-suite'),
        ],
      },
    },
  };
}

export type ConnectionsParse = { ok: true; connections: Connections } | { ok: false; problems: string[] };

/** Validates a Connections document; each problem names its JSON path. */
export function parseConnections(document: unknown): ConnectionsParse {
  const parsed = connectionsSchema.safeParse(document);
  if (parsed.success) return { ok: true, connections: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`),
  };
}

/** `https://host[:port]` when `url` is exactly an https origin (no path beyond `/`, query, hash or user), else null. */
export function httpsOrigin(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return null;
  if (parsed.search || parsed.hash || (parsed.pathname !== '/' && parsed.pathname !== '')) return null;
  return parsed.origin;
}
