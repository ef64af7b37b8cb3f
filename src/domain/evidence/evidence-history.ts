import { z } from 'zod';
import {
  DELIVERY_ID_PATTERN,
  evidenceFieldSchema,
  evidenceLinkSchema,
  evidenceToolSchema,
  evidenceValueSchema,
  labelingCountersSchema,
  type EvidenceEvent,
  type EvidenceField,
  type EvidenceValue,
} from './evidence-event';

/*
 * The issue property `ml-lanes-evidence`: the newest value of each evidence field (with the tool and time it came
 * from), the newest delivery of each tool (for the panel's Evidence section and Label Studio's counters), and a
 * short history of deliveries, newest first. Per field the newest event time wins, so deliveries arriving out of
 * order never put an older value back. Kept under Jira's 32 KB property limit (EVIDENCE_PROPERTY_MAX_BYTES).
 */

export const EVIDENCE_PROPERTY_KEY = 'ml-lanes-evidence';
export const HISTORY_LIMIT = 20;
/** Jira refuses an entity property over 32,768 bytes; a margin for Jira's own wrapping. */
export const EVIDENCE_PROPERTY_MAX_BYTES = 30 * 1024;

const time = z.string().datetime({ offset: true });

const historyEntrySchema = z.strictObject({
  tool: evidenceToolSchema,
  deliveryId: z.string().regex(DELIVERY_ID_PATTERN),
  kind: z.string().max(80),
  eventTime: time,
  receivedAt: time,
  values: z.array(evidenceValueSchema).max(10),
  link: evidenceLinkSchema.optional(),
  subject: z.string().max(200).optional(),
  counters: labelingCountersSchema.optional(),
});
export type EvidenceHistoryEntry = z.infer<typeof historyEntrySchema>;

const fieldStateSchema = z.strictObject({
  value: z.union([z.number().finite(), z.string().max(255)]),
  eventTime: time,
  tool: evidenceToolSchema,
  deliveryId: z.string().regex(DELIVERY_ID_PATTERN),
});

/** Label Studio's counters as last seen on each UTC day: the data lane's throughput in items per day. */
const labelingDaySchema = labelingCountersSchema.extend({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  eventTime: time,
});
export type LabelingDay = z.infer<typeof labelingDaySchema>;
export const LABELING_DAYS = 30;

export const evidenceHistorySchema = z.strictObject({
  version: z.literal(1),
  fields: z.partialRecord(evidenceFieldSchema, fieldStateSchema),
  /** The newest delivery per tool. */
  latest: z.partialRecord(evidenceToolSchema, historyEntrySchema),
  deliveries: z.array(historyEntrySchema).max(HISTORY_LIMIT),
  /**
   * Newest day first, at most LABELING_DAYS: the deliveries above may all be from the last hour of a busy labeling
   * day, so throughput over days is kept apart.
   */
  labeling: z.array(labelingDaySchema).max(LABELING_DAYS).optional(),
});
export type EvidenceHistory = z.infer<typeof evidenceHistorySchema>;

/** The stored property, or an empty history when there is none or it cannot be read (it is rebuilt from here on). */
export function readHistory(stored: unknown): EvidenceHistory {
  const parsed = evidenceHistorySchema.safeParse(stored);
  return parsed.success ? parsed.data : { version: 1, fields: {}, latest: {}, deliveries: [] };
}

export type MergeOutcome =
  | { kind: 'duplicate' }
  /** Every value (and the tool's latest delivery) is already newer: nothing to write. */
  | { kind: 'older' }
  | { kind: 'merged'; history: EvidenceHistory; changed: EvidenceValue[] };

/** Merges one delivery into an issue's history; never changes `history`. */
export function mergeEvidence(history: EvidenceHistory, event: EvidenceEvent): MergeOutcome {
  const seen = (entry: EvidenceHistoryEntry | undefined) =>
    entry?.tool === event.tool && entry.deliveryId === event.deliveryId;
  if (history.deliveries.some(seen) || seen(history.latest[event.tool])) return { kind: 'duplicate' };

  const at = Date.parse(event.eventTime);
  const newer = (than: string | undefined) => than === undefined || at >= Date.parse(than);
  const fields = { ...history.fields };
  const changed: EvidenceValue[] = [];
  for (const { field, value } of event.values) {
    if (!newer(fields[field]?.eventTime)) continue;
    if (fields[field]?.value !== value) changed.push({ field, value });
    fields[field] = { value, eventTime: event.eventTime, tool: event.tool, deliveryId: event.deliveryId };
  }
  const entry = toEntry(event);
  const latestIsNewer = newer(history.latest[event.tool]?.eventTime);
  const labeling = mergeLabelingDay(history.labeling ?? [], event);
  // A late delivery may still fill a day of Label Studio counters that is missing.
  const newDay = labeling.length > (history.labeling ?? []).length;
  if (changed.length === 0 && !latestIsNewer && !newDay) return { kind: 'older' };

  const latest = latestIsNewer ? { ...history.latest, [event.tool]: entry } : { ...history.latest };
  const deliveries = [entry, ...history.deliveries]
    .sort((a, b) => Date.parse(b.eventTime) - Date.parse(a.eventTime))
    .slice(0, HISTORY_LIMIT);
  const merged: EvidenceHistory = {
    version: 1,
    fields,
    latest,
    deliveries,
    ...(labeling.length > 0 ? { labeling } : {}),
  };
  while (byteSize(merged) > EVIDENCE_PROPERTY_MAX_BYTES && merged.deliveries.length > 1)
    merged.deliveries.pop();
  return { kind: 'merged', history: merged, changed };
}

/** The newest value of a field, for the panel and tests. */
export function currentValue(history: EvidenceHistory, field: EvidenceField): number | string | undefined {
  return history.fields[field]?.value;
}

/** The day's counters replaced by a newer delivery's; days newest first. */
function mergeLabelingDay(days: readonly LabelingDay[], event: EvidenceEvent): LabelingDay[] {
  if (!event.counters) return [...days];
  const day = event.eventTime.slice(0, 10);
  const same = days.find((entry) => entry.day === day);
  if (same && Date.parse(same.eventTime) > Date.parse(event.eventTime)) return [...days];
  return [
    { day, eventTime: event.eventTime, ...event.counters },
    ...days.filter((entry) => entry.day !== day),
  ]
    .sort((a, b) => b.day.localeCompare(a.day))
    .slice(0, LABELING_DAYS);
}

function toEntry(event: EvidenceEvent): EvidenceHistoryEntry {
  return {
    tool: event.tool,
    deliveryId: event.deliveryId,
    kind: event.kind,
    eventTime: event.eventTime,
    receivedAt: event.receivedAt,
    values: event.values,
    ...(event.link ? { link: event.link } : {}),
    ...(event.subject ? { subject: event.subject } : {}),
    ...(event.counters ? { counters: event.counters } : {}),
  };
}

export function byteSize(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}
