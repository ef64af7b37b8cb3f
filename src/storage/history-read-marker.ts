import { z } from 'zod';
import type { KeyValueStore } from './key-value-store';
import { storageKey, type HistoryCacheKey } from './history-cache';

/**
 * A background read pending longer than this is taken as lost (the event dropped, or its function stopped without
 * a word): the next request asks for another. The consumer may run 900 s; the rest covers the queue's own delay.
 */
export const PENDING_MAX_AGE_MS = 20 * 60 * 1000;
/** A failure is shown this long, then the next request tries again by itself (the panel's retry does it at once). */
export const FAILURE_SHOWN_MS = 10 * 60 * 1000;
/**
 * Once a background read found it could not run as the person who asked, histories are read in the resolver again
 * for this long, for everyone on the site; then the background is tried once more (Forge may have changed).
 */
export const BACKGROUND_OFF_FOR_S = 24 * 60 * 60;
const BACKGROUND_OFF_KEY = 'history-read:background-off';

const backgroundOffSchema = z.object({ reason: z.string().max(2000), since: z.string().datetime() });

const pendingSchema = z.object({
  state: z.literal('pending'),
  /** Names this read: an event carrying another token is stale and does nothing. */
  token: z.string().regex(/^[a-z0-9]{8,40}$/),
  requestedAt: z.string().datetime(),
  doneIssues: z.number().int().nonnegative(),
  since: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
const failedSchema = z.object({
  state: z.literal('failed'),
  reason: z.string().max(2000),
  failedAt: z.string().datetime(),
});
const markerSchema = z.discriminatedUnion('state', [pendingSchema, failedSchema]);

export type PendingRead = z.infer<typeof pendingSchema>;
export type FailedRead = z.infer<typeof failedSchema>;
export type HistoryReadMarker = PendingRead | FailedRead;

/**
 * What is known about a background read of one person's board history, beside the cache entry it fills: pending
 * (one event is on its way: no second one is pushed) or failed (the panel says why).
 */
export class HistoryReadMarkers {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** The marker, or null when there is none, it is damaged, or it is too old to hold on to. */
  async get(key: HistoryCacheKey): Promise<HistoryReadMarker | null> {
    const parsed = markerSchema.safeParse(await this.store.get(markerKey(key)));
    if (!parsed.success) return null;
    const marker = parsed.data;
    const age = this.now() - Date.parse(marker.state === 'pending' ? marker.requestedAt : marker.failedAt);
    return age > (marker.state === 'pending' ? PENDING_MAX_AGE_MS : FAILURE_SHOWN_MS) ? null : marker;
  }

  /**
   * Claims the read for this request: true when no live read was pending, so the caller pushes the one event.
   * Two requests at once: only one claim succeeds (the store's atomic write-if-absent). An expired or failed
   * marker is cleared first.
   */
  async claim(key: HistoryCacheKey, pending: PendingRead): Promise<boolean> {
    if ((await this.get(key))?.state === 'pending') return false;
    // Whatever is left (failed, expired, damaged) makes way. Two requests clearing it at once may both claim;
    // the consumer then works only for the event whose token the marker holds, so the history is read once.
    await this.store.delete(markerKey(key));
    return this.store.setIfAbsent(markerKey(key), pending, Math.ceil(PENDING_MAX_AGE_MS / 1000));
  }

  async fail(key: HistoryCacheKey, reason: string): Promise<void> {
    const failed: FailedRead = {
      state: 'failed',
      reason: reason.slice(0, 2000),
      failedAt: new Date(this.now()).toISOString(),
    };
    await this.store.set(markerKey(key), failed);
  }

  async clear(key: HistoryCacheKey): Promise<void> {
    await this.store.delete(markerKey(key));
  }

  /** Why background reads are off on this site (see BACKGROUND_OFF_FOR_S), or null when they may be used. */
  async backgroundOff(): Promise<string | null> {
    const parsed = backgroundOffSchema.safeParse(await this.store.get(BACKGROUND_OFF_KEY));
    if (!parsed.success) return null;
    const age = this.now() - Date.parse(parsed.data.since);
    return age > BACKGROUND_OFF_FOR_S * 1000 ? null : parsed.data.reason;
  }

  async turnBackgroundOff(reason: string): Promise<void> {
    const off = { reason: reason.slice(0, 2000), since: new Date(this.now()).toISOString() };
    await this.store.set(BACKGROUND_OFF_KEY, off);
  }
}

function markerKey(key: HistoryCacheKey): string {
  return `${storageKey(key)}:read`;
}
