import { z } from 'zod';
import { JiraError } from '../errors';
import { getBoard } from '../jira/agile';
import { JiraClient } from '../jira/client';
import { loadBoardHistory } from '../jira/load-board-history';
import type { JiraRequest } from '../jira/seam';
import { scopeOf, type ConfigRepository } from '../storage/config-repository';
import type { HistoryCache, HistoryCacheKey } from '../storage/history-cache';
import type { HistoryReadMarkers } from '../storage/history-read-marker';
import { configFingerprint } from './forecast-sprint';
import { historyReadEventSchema, type HistoryReadEvent } from './history-read-event';

/**
 * The consumer function may run 900 s (manifest `timeoutSeconds`); Jira gets at most 780 s of it, so there is
 * time left to store the history or the failure before Forge stops the function.
 */
export const BACKGROUND_JIRA_BUDGET_MS = 780_000;
/** A background read is not in a hurry: one slow answer may take longer than in a resolver. */
export const BACKGROUND_REQUEST_TIMEOUT_MS = 30_000;

export interface BackgroundReadDeps {
  /** Jira as the person who asked (the consumer's `api.asUser()`): checked against the event before any read. */
  jira: JiraRequest;
  configs: ConfigRepository;
  cache: HistoryCache;
  markers: HistoryReadMarkers;
  now?: () => number;
  log?: (message: string) => void;
}

export type BackgroundReadOutcome = 'stored' | 'refused' | 'stale' | 'failed' | 'not-as-user';

const myselfSchema = z.object({ accountId: z.string() });

/**
 * Reads one person's board history in the background and stores it where the resolver looks, or records why it
 * could not. A body that is not a read this app asked for, or one superseded since, does nothing. Never throws:
 * a failure is recorded for the panel rather than left to Forge's retries, which would read it all again.
 */
export async function readHistoryInBackground(
  deps: BackgroundReadDeps,
  body: unknown,
): Promise<BackgroundReadOutcome> {
  const log = deps.log ?? ((message: string) => console.error(message));
  const parsed = historyReadEventSchema.safeParse(body);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`,
    );
    log(`ML Lanes refused a background history read: ${problems.slice(0, 5).join('; ')}`);
    return 'refused';
  }
  const event = parsed.data;
  const key = cacheKeyOf(event);
  const marker = await deps.markers.get(key);
  if (marker?.state !== 'pending' || marker.token !== event.token) {
    log(
      `ML Lanes skipped a stale background history read of board ${event.boardId}: ${
        marker?.state === 'pending'
          ? 'a newer read replaced it'
          : 'no read is pending for it (expired or done)'
      }`,
    );
    return 'stale';
  }

  const now = deps.now ?? Date.now;
  const client = new JiraClient(deps.jira, {
    deadline: now() + BACKGROUND_JIRA_BUDGET_MS,
    requestTimeoutMs: BACKGROUND_REQUEST_TIMEOUT_MS,
    now,
  });
  try {
    const me = await whoJiraAnswersAs(client);
    if (me !== event.accountId) {
      // Forge runs this consumer without the person's context: reading as the app could show issues Jira hides
      // from them. Histories go back to being read in the resolver, as the person, for everyone on the site.
      const why =
        me === null
          ? 'Jira did not say whom this background read runs as'
          : 'the background read did not run as the person who asked';
      log(`ML Lanes turned background history reads off: ${why}; histories are read in the resolver again.`);
      await deps.markers.turnBackgroundOff(why);
      await deps.markers.clear(key);
      return 'not-as-user';
    }
    const board = await getBoard(client, event.boardId);
    const { config } = await deps.configs.load(scopeOf(board.location?.projectKey));
    if (configFingerprint(config, event.sprintId) !== event.configFingerprint) {
      await deps.markers.clear(key);
      log(
        `ML Lanes skipped a stale background history read of board ${event.boardId}: the configuration changed`,
      );
      return 'stale';
    }
    const loaded = await loadBoardHistory(client, {
      boardId: event.boardId,
      config,
      asOf: new Date(event.asOf),
      windowDays: event.windowDays,
      sprintId: event.sprintId,
      board,
    });
    const stored = await deps.cache.set(key, {
      readAt: new Date(now()).toISOString(),
      history: loaded.history,
      startedAt: [...loaded.startedAt],
    });
    if (!stored) throw new Error('the history is too large to keep in the app’s storage');
    await deps.markers.clear(key);
    return 'stored';
  } catch (error) {
    const reason = `ML Lanes could not read the board’s history in the background: ${messageOf(error)}.`;
    log(`${reason} (board ${event.boardId})`);
    await deps.markers.fail(key, reason);
    return 'failed';
  }
}

/**
 * The account Jira answers as; null when Jira refuses to say (no user behind the call). Other failures (Jira
 * down, too slow) are thrown: they say nothing about whose context this is.
 */
async function whoJiraAnswersAs(client: JiraClient): Promise<string | null> {
  try {
    const me = await client.call('GET /rest/api/3/myself', 'GET', '/rest/api/3/myself', myselfSchema);
    return me.accountId;
  } catch (error) {
    if (error instanceof JiraError && (error.code === 'unauthorized' || error.code === 'forbidden'))
      return null;
    throw error;
  }
}

function cacheKeyOf(event: HistoryReadEvent): HistoryCacheKey {
  return {
    accountId: event.accountId,
    boardId: event.boardId,
    windowDays: event.windowDays,
    asOfDay: event.asOf.slice(0, 10),
    configFingerprint: event.configFingerprint,
  };
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/[.\s]+$/, '');
}
