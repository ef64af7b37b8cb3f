import { z } from 'zod';
import {
  DELIVERY_ID_PATTERN,
  evidenceToolSchema,
  ISSUE_KEY_PATTERN,
  type EvidenceTool,
} from '../domain/evidence/evidence-event';
import type { KeyValueStore } from './key-value-store';

/**
 * The last LOG_LIMIT deliveries per tool, for the admin page: accepted (queued), written (in Jira), ignored
 * (duplicate or older than what is recorded) or rejected, and why. Never the body, a header or a secret: an
 * entry holds only the outcome, our own short reason, and a delivery id and issue key that passed their strict
 * patterns (anything else is dropped before storing).
 *
 * A flood of bad requests must not churn storage: a rejection with the same reason as the newest entry, within
 * the same minute, only counts up that entry, and past FLOOD_COUNT in that minute nothing is written at all.
 */

export const LOG_LIMIT = 50;
const REASON_MAX = 200;
const FLOOD_COUNT = 1000;
const keyOf = (tool: EvidenceTool) => `evidence-log:${tool}`;

export const DELIVERY_OUTCOMES = ['accepted', 'written', 'ignored', 'rejected'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

const entrySchema = z.strictObject({
  at: z.string(),
  tool: evidenceToolSchema,
  outcome: z.enum(DELIVERY_OUTCOMES),
  reason: z.string().max(REASON_MAX),
  deliveryId: z.string().regex(DELIVERY_ID_PATTERN).optional(),
  issueKey: z.string().regex(ISSUE_KEY_PATTERN).optional(),
  /** Rejections with this reason coalesced into this entry (1 when alone). */
  count: z.number().int().min(1),
});
export type DeliveryLogEntry = z.infer<typeof entrySchema>;

/** What a caller reports; unsafe ids or keys are left out rather than stored. */
export interface DeliveryReport {
  tool: EvidenceTool;
  outcome: DeliveryOutcome;
  reason: string;
  deliveryId?: string | undefined;
  issueKey?: string | undefined;
}

export class DeliveryLog {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Newest first; a damaged entry is skipped. */
  async list(tool: EvidenceTool): Promise<DeliveryLogEntry[]> {
    evidenceToolSchema.parse(tool);
    const stored = await this.store.get(keyOf(tool));
    if (!Array.isArray(stored)) return [];
    return stored.flatMap((entry) => {
      const parsed = entrySchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
  }

  /** Records one delivery. Never throws for a storage failure: the log must not decide a delivery's fate. */
  async record(report: DeliveryReport): Promise<void> {
    try {
      await this.append(report);
    } catch (error) {
      console.error(
        `ML Lanes could not record a ${report.tool} delivery in the log: ${error instanceof Error ? error.name : 'error'}`,
      );
    }
  }

  private async append(report: DeliveryReport): Promise<void> {
    const at = this.now().toISOString();
    const entry: DeliveryLogEntry = {
      at,
      tool: evidenceToolSchema.parse(report.tool),
      outcome: report.outcome,
      reason: cleanReason(report.reason),
      ...(report.deliveryId && DELIVERY_ID_PATTERN.test(report.deliveryId)
        ? { deliveryId: report.deliveryId }
        : {}),
      ...(report.issueKey && ISSUE_KEY_PATTERN.test(report.issueKey) ? { issueKey: report.issueKey } : {}),
      count: 1,
    };
    const entries = await this.list(report.tool);
    const newest = entries[0];
    if (
      newest &&
      entry.outcome === 'rejected' &&
      newest.outcome === 'rejected' &&
      newest.reason === entry.reason &&
      newest.at.slice(0, 16) === at.slice(0, 16)
    ) {
      if (newest.count >= FLOOD_COUNT) return;
      entries[0] = { ...newest, count: newest.count + 1, at };
    } else {
      entries.unshift(entry);
    }
    await this.store.set(keyOf(report.tool), entries.slice(0, LOG_LIMIT));
  }
}

/** One line, no control characters, bounded. */
function cleanReason(reason: string): string {
  const line = reason.replace(/\p{Cc}+/gu, ' ').trim();
  return line.length > REASON_MAX ? `${line.slice(0, REASON_MAX - 1)}…` : line || 'no reason given';
}
