import { z } from 'zod';

/*
 * The normalized evidence event: what one delivery from an ML tool (MLflow, Databricks, W&B, Label Studio, a CI
 * pipeline) says about one Jira issue, after verification, normalization and the admin's field mappings. It is
 * the async queue's payload, so the consumer parses it again with `evidenceEventSchema` (a queue is a boundary).
 * Every string is bounded, so one event stays far below Forge's 200 KB a push (a full one is under 8 KB).
 */

export const EVIDENCE_TOOLS = ['mlflow', 'databricks', 'wandb', 'labelstudio', 'ci'] as const;
export type EvidenceTool = (typeof EVIDENCE_TOOLS)[number];
export const evidenceToolSchema = z.enum(EVIDENCE_TOOLS);

/** What people call each tool, for logs and the admin page. */
export const EVIDENCE_TOOL_NAMES: Readonly<Record<EvidenceTool, string>> = {
  mlflow: 'MLflow',
  databricks: 'Databricks',
  wandb: 'Weights & Biases',
  labelstudio: 'Label Studio',
  ci: 'CI pipeline',
};

/**
 * The evidence fields the app owns (`jira:customField` modules, see EVIDENCE_FIELD_SPECS) and a Definition of
 * Done's automatic items can name by their display name.
 */
export const EVIDENCE_FIELDS = [
  'holdout-accuracy',
  'annotator-agreement',
  'items-labeled',
  'items-target',
  'dataset-version',
  'model-version',
  'qa-suite',
] as const;
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number];
export const evidenceFieldSchema = z.enum(EVIDENCE_FIELDS);

/** A number field's accepted range (inclusive), or a short text. */
export type EvidenceFieldSpec =
  | { type: 'number'; min: number; max: number; integer: boolean; name: string; moduleKey: string }
  | { type: 'string'; maxLength: number; name: string; moduleKey: string; allowed?: readonly string[] };

/** Counts are capped at 1e9: no labeling project is larger, and a bigger figure is a mistake or an attack. */
export const MAX_COUNT = 1_000_000_000;
export const MAX_TEXT_VALUE = 255;

/** Each field's type, range, display name (as Jira shows it) and manifest module key. */
export const EVIDENCE_FIELD_SPECS: Readonly<Record<EvidenceField, EvidenceFieldSpec>> = {
  'holdout-accuracy': {
    type: 'number',
    min: 0,
    max: 1,
    integer: false,
    name: 'ML holdout accuracy',
    moduleKey: 'ml-lanes-holdout-accuracy',
  },
  'annotator-agreement': {
    type: 'number',
    min: 0,
    max: 1,
    integer: false,
    name: 'ML annotator agreement',
    moduleKey: 'ml-lanes-annotator-agreement',
  },
  'items-labeled': {
    type: 'number',
    min: 0,
    max: MAX_COUNT,
    integer: true,
    name: 'ML items labeled',
    moduleKey: 'ml-lanes-items-labeled',
  },
  'items-target': {
    type: 'number',
    min: 0,
    max: MAX_COUNT,
    integer: true,
    name: 'ML items target',
    moduleKey: 'ml-lanes-items-target',
  },
  'dataset-version': {
    type: 'string',
    maxLength: MAX_TEXT_VALUE,
    name: 'ML dataset version',
    moduleKey: 'ml-lanes-dataset-version',
  },
  'model-version': {
    type: 'string',
    maxLength: MAX_TEXT_VALUE,
    name: 'ML model version',
    moduleKey: 'ml-lanes-model-version',
  },
  'qa-suite': {
    type: 'string',
    maxLength: 16,
    name: 'ML QA suite',
    moduleKey: 'ml-lanes-qa-suite',
    allowed: ['passed', 'failed'],
  },
};

/** Jira issue keys: project key (2–10, uppercase start) and a number without a leading zero. */
export const ISSUE_KEY_PATTERN = /^[A-Z][A-Z0-9_]{1,9}-[1-9][0-9]{0,8}$/;
/** A tool's delivery id (MLflow's UUID), or the sha256 hex of the raw body for tools that send none. */
export const DELIVERY_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
/** No control characters (C0, DEL, C1) in anything stored or shown. */
export const NO_CONTROL = /^\P{Cc}*$/u;

const text = (max: number) => z.string().max(max).regex(NO_CONTROL, 'no control characters');
const isoTime = z.string().datetime({ offset: true });

export const evidenceValueSchema = z.strictObject({
  field: evidenceFieldSchema,
  value: z.union([z.number().finite(), text(MAX_TEXT_VALUE)]),
});
export type EvidenceValue = z.infer<typeof evidenceValueSchema>;

/** A link to the run, model version or project, built from the admin's base URL: https only. */
export const evidenceLinkSchema = z.strictObject({
  label: text(80).min(1),
  url: z
    .string()
    .max(500)
    .regex(/^https:\/\/[^\s]+$/, 'an https URL'),
});
export type EvidenceLink = z.infer<typeof evidenceLinkSchema>;

/** Label Studio's project counters at the time of the delivery (for the data lane's throughput in items). */
export const labelingCountersSchema = z.strictObject({
  finishedTasks: z.number().int().min(0).max(MAX_COUNT),
  totalTasks: z.number().int().min(0).max(MAX_COUNT),
  annotations: z.number().int().min(0).max(MAX_COUNT),
});
export type LabelingCounters = z.infer<typeof labelingCountersSchema>;

export const evidenceEventSchema = z.strictObject({
  tool: evidenceToolSchema,
  deliveryId: z.string().regex(DELIVERY_ID_PATTERN),
  issueKey: z.string().regex(ISSUE_KEY_PATTERN),
  /** When the tool says it happened; the receipt time when the tool says nothing. */
  eventTime: isoTime,
  receivedAt: isoTime,
  /** The tool's event name, e.g. `model_version.created`, `ANNOTATION_CREATED`, `ci.metrics`. */
  kind: text(80).min(1),
  /** After the admin's mappings and range checks; each field at most once. */
  values: z
    .array(evidenceValueSchema)
    .max(EVIDENCE_FIELDS.length)
    .refine((values) => new Set(values.map((v) => v.field)).size === values.length, 'a field given twice'),
  link: evidenceLinkSchema.optional(),
  /** A short human description: "churn v3", "artifact dataset:v7", "project Cats (812/1000)". */
  subject: text(200).optional(),
  counters: labelingCountersSchema.optional(),
});
export type EvidenceEvent = z.infer<typeof evidenceEventSchema>;

/** The outcome of normalizing one parsed delivery: an event, or why there is none (short, never the body). */
export type NormalizeResult = { ok: true; event: EvidenceEvent } | { ok: false; reason: string };
