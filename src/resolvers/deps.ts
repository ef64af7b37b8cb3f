import type { BoardIndexAccess } from '../app/board-setup';
import type { ConnectionsAccess } from '../app/connections-admin';
import { JiraClient } from '../jira/client';
import type { JiraRequest } from '../jira/seam';
import type { ConfigRepository } from '../storage/config-repository';
import type { HistoryCache } from '../storage/history-cache';
import type { KeyValueStore } from '../storage/key-value-store';
import type { ForgeContext } from './request';

/** What resolvers need from their host: Forge in production, the playground and tests locally. */
export interface ResolverDeps {
  /** Jira as the calling user, so nobody sees an issue Jira would hide from them. */
  jiraAsUser: (context: ForgeContext) => JiraRequest;
  /** The saved configuration (Forge KVS in production). */
  configs: ConfigRepository;
  /** Where locks live that serialise writes to one issue's property across invocations (Forge KVS). */
  locks?: KeyValueStore;
  /** Board histories read for forecasts, kept per person for a few hours (Forge KVS). */
  historyCache?: HistoryCache;
  /** Today, for forecasts: the real clock, or the demo site's fixed one in the playground. */
  today?: () => Date;
  /** Time a resolver may spend asking Jira; Forge stops a resolver at 25 s. */
  timeBudgetMs?: number;
  /** Longest one Jira request may take inside that budget. */
  requestTimeoutMs?: number;
  now?: () => number;
  /** The board index, for the admin page's board setup: its status, and its queue for "re-index now". */
  boardIndex?: BoardIndexAccess;
  sleep?: (ms: number) => Promise<void>;
  /** The Connections settings, web trigger secrets and URL, and delivery log, for the admin page's Connections. */
  connections?: ConnectionsAccess;
}

/** Leaves ~5 s of Forge's 25 s for planning and sending the answer. */
export const DEFAULT_TIME_BUDGET_MS = 20_000;

/**
 * Half the budget: one stalled request times out with time left for the rest, so a panel shows what arrived and
 * says what did not, instead of spending the whole budget waiting on one answer.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

export function jiraClientFor(deps: ResolverDeps, context: ForgeContext): JiraClient {
  const now = deps.now ?? Date.now;
  return new JiraClient(deps.jiraAsUser(context), {
    deadline: now() + (deps.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS),
    requestTimeoutMs: deps.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    now,
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
  });
}
