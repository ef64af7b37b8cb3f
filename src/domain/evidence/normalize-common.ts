import type { ToolSettings } from '../../config/connections-schema';
import {
  evidenceEventSchema,
  type EvidenceEvent,
  type EvidenceLink,
  type EvidenceTool,
  type LabelingCounters,
  type NormalizeResult,
} from './evidence-event';
import { mapValues, type NamedValues } from './evidence-values';
import type { KeyLookup } from './issue-key-source';

/** What the route knows about a verified delivery besides its body. */
export interface NormalizeContext {
  /** The tool's delivery id, else the sha256 hex of the raw body. */
  deliveryId: string;
  receivedAt: Date;
  /** The tool's settings (key source, base URL, mappings). */
  settings: ToolSettings;
  /** The signed timestamp of the delivery (MLflow, CI), when the tool sends one. */
  signedAt?: Date;
}

/** Why a verified delivery is of no use (an event the app does not read): answered 200 and logged as ignored. */
export type Normalized = NormalizeResult | { ok: false; reason: string; ignored: true };

export const ignore = (reason: string): Normalized => ({ ok: false, reason, ignored: true });
export const refuse = (reason: string): Normalized => ({ ok: false, reason });

export interface EventParts {
  tool: EvidenceTool;
  kind: string;
  key: KeyLookup;
  named: NamedValues;
  /** The tool's own time for the event; later than receipt counts as receipt (a clock ahead must not pin a value). */
  eventTime?: Date | undefined;
  link?: EvidenceLink | undefined;
  subject?: string | undefined;
  counters?: LabelingCounters | undefined;
}

/** Issue key, mapped values and the rest into one event, validated as the consumer will validate it. */
export function assemble(context: NormalizeContext, parts: EventParts): Normalized {
  if (!parts.key.ok) return refuse(parts.key.reason);
  const mapped = mapValues(parts.named, context.settings.mappings, { numbersAsText: parts.tool === 'wandb' });
  if (!mapped.ok) return refuse(mapped.reason);
  if (mapped.values.length === 0 && parts.counters === undefined) {
    return ignore('no mapped value in this delivery');
  }
  const received = context.receivedAt.getTime();
  const told = parts.eventTime?.getTime();
  const eventTime = told !== undefined && Number.isFinite(told) && told <= received ? told : received;
  const event: EvidenceEvent = {
    tool: parts.tool,
    deliveryId: context.deliveryId,
    issueKey: parts.key.issueKey,
    eventTime: new Date(eventTime).toISOString(),
    receivedAt: context.receivedAt.toISOString(),
    kind: parts.kind,
    values: mapped.values,
    ...(parts.link ? { link: parts.link } : {}),
    ...(parts.subject ? { subject: parts.subject } : {}),
    ...(parts.counters ? { counters: parts.counters } : {}),
  };
  const checked = evidenceEventSchema.safeParse(event);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return refuse(`the event is not valid (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})`);
  }
  return { ok: true, event: checked.data };
}

/** A date from an ISO text or epoch milliseconds; undefined when unreadable. */
export function dateOf(value: unknown): Date | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const date = new Date(value);
  return Number.isFinite(date.getTime()) ? date : undefined;
}

/** Only plain JSON objects count as objects (arrays and null do not). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A record's own property (never one from its prototype, e.g. `constructor`). */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** `metrics.<name>` for each own number-or-text value of a payload's `metrics` object (at most 50). */
export function metricsOf(metrics: unknown, into: Map<string, unknown>): void {
  if (!isRecord(metrics)) return;
  for (const name of Object.keys(metrics).slice(0, 50)) into.set(`metrics.${name}`, metrics[name]);
}
