import { randomUUID } from 'node:crypto';
import type { ForecastPending } from '../contract/forecast-view';
import type { JiraClient } from '../jira/client';
import { searchIssueIds } from '../jira/issues';
import type { HistoryCacheKey } from '../storage/history-cache';
import type { HistoryReadMarkers } from '../storage/history-read-marker';
import type { HistoryReadQueue } from './history-read-event';

/**
 * Above this many issues done in the window, the history is read in the background instead of in the resolver.
 * Reading it costs about one bulkfetch per 100 done issues (4 in flight) plus a changelog request per 1,000, on top
 * of ~10 fixed requests and the sprint itself: 1,500 issues is ~15 bulkfetches, 4 rounds, which fits the
 * resolver's 20 s for Jira even at 2 s a request; much beyond it, a slow site would run out of Forge's 25 s.
 */
export const BACKGROUND_READ_ABOVE_DONE_ISSUES = 1500;

/** What the resolver needs to hand a large history to the background: the queue and the pending markers. */
export interface BackgroundHistory {
  queue: HistoryReadQueue;
  markers: HistoryReadMarkers;
  /** Default BACKGROUND_READ_ABOVE_DONE_ISSUES; the playground's `--background-history` sends every read away. */
  readAbove?: number;
}

export interface BackgroundReadRequest {
  key: HistoryCacheKey;
  /** The board's project, whose done issues make its history; none: nothing to read, so nothing to send away. */
  projectKey: string | undefined;
  site: string;
  sprintId: number;
  asOf: Date;
  now: Date;
  /** The person asked to try again (after a failure): a failure on record does not stop a new read. */
  retry: boolean;
}

/**
 * Decides, on a cache miss, whether the resolver reads the history itself (null) or it is read in the background
 * (the answer to give instead of a forecast). A read already pending is never asked for twice; a large board is
 * told apart from a small one by one search request for at most BACKGROUND_READ_ABOVE_DONE_ISSUES + 1 ids.
 */
export async function askForBackgroundRead(
  background: BackgroundHistory,
  client: JiraClient,
  request: BackgroundReadRequest,
): Promise<ForecastPending | null> {
  const { key, markers } = { key: request.key, markers: background.markers };
  const marker = await markers.get(key);
  if (marker?.state === 'pending') return reading(marker.doneIssues, marker.since, marker.requestedAt);
  if (marker?.state === 'failed' && !request.retry) {
    return { background: { state: 'failed', reason: marker.reason, failedAt: marker.failedAt } };
  }
  if (!request.projectKey) return null;
  // The consumer found it cannot read as the person: read in the resolver, as before background reads existed.
  if ((await markers.backgroundOff()) !== null) return null;

  const since = dayOf(request.asOf.getTime() - key.windowDays * 86_400_000);
  const readAbove = background.readAbove ?? BACKGROUND_READ_ABOVE_DONE_ISSUES;
  const done = await searchIssueIds(
    client,
    `project = "${request.projectKey}" AND statusCategory = Done AND resolved >= "${since}"`,
    readAbove + 1,
  );
  if (done.ids.length <= readAbove) {
    if (marker) await markers.clear(key);
    return null;
  }

  const token = randomUUID().replace(/-/g, '');
  const requestedAt = request.now.toISOString();
  const claimed = await markers.claim(key, {
    state: 'pending',
    token,
    requestedAt,
    doneIssues: done.ids.length,
    since,
  });
  if (!claimed) {
    // Someone else's request claimed the read a moment ago: wait for theirs.
    const current = await markers.get(key);
    return current?.state === 'pending'
      ? reading(current.doneIssues, current.since, current.requestedAt)
      : reading(done.ids.length, since, requestedAt);
  }
  try {
    await background.queue.push({
      version: 1,
      token,
      accountId: key.accountId,
      site: request.site,
      boardId: key.boardId,
      sprintId: request.sprintId,
      asOf: request.asOf.toISOString(),
      windowDays: key.windowDays,
      configFingerprint: key.configFingerprint,
      requestedAt,
    });
  } catch (error) {
    const reason = `The board's history could not be sent to be read in the background (${messageOf(error)}).`;
    await markers.fail(key, reason);
    return { background: { state: 'failed', reason, failedAt: new Date().toISOString() } };
  }
  return reading(done.ids.length, since, requestedAt);
}

function reading(doneIssues: number, since: string, requestedAt: string): ForecastPending {
  return { background: { state: 'reading', doneIssues, since, requestedAt } };
}

function dayOf(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
