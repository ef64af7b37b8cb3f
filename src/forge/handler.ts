import Resolver from '@forge/resolver';
import type { ResolverResult } from '../contract/envelope';
import { RESOLVER_KEYS, type ResolverKey } from '../contract/resolver-api';
import type { ConnectionsAccess } from '../app/connections-admin';
import type { HistoryReadQueue } from '../app/history-read-event';
import type { IndexQueue } from '../app/index-events';
import { createResolverFunctions } from '../resolvers';
import type { ForecastResolverDeps } from '../resolvers/get-forecast';
import type { ConfigRepository } from '../storage/config-repository';
import { HistoryCache } from '../storage/history-cache';
import { BoardIndexStore } from '../storage/board-index-store';
import { HistoryReadMarkers } from '../storage/history-read-marker';
import type { KeyValueStore } from '../storage/key-value-store';
import { forgeJiraAsApp, forgeJiraAsUser } from './jira-as-user';

type Definitions = ReturnType<Resolver['getDefinitions']>;

const KNOWN_KEYS: ReadonlySet<string> = new Set<ResolverKey>(RESOLVER_KEYS);

export interface ForgeHandlerOptions {
  /** Where locks and cached board histories live (Forge KVS when deployed, a file in the playground). */
  store?: KeyValueStore;
  /** Today, for forecasts; the playground pins it to the demo site's clock. */
  today?: () => Date;
  /** Where large board histories are sent to be read in the background (Forge's async events; needs `store`). */
  historyQueue?: HistoryReadQueue;
  /** Done issues above which a history goes to the background (default BACKGROUND_READ_ABOVE_DONE_ISSUES). */
  backgroundReadAbove?: number;
  /** The board index's queue, for the admin page's "re-index now" (Forge's async events; needs `store`). */
  indexQueue?: IndexQueue;
  /** The admin page's Connections: settings, web trigger secrets and URL, delivery log. */
  connections?: ConnectionsAccess;
}

/**
 * The Forge function: every resolver, reading Jira as the user through `api.asUser()`. The stores are the one
 * thing chosen by the host: Forge KVS when deployed (src/index.ts), a file in the playground.
 */
export function createForgeHandler(
  configs: ConfigRepository,
  options: ForgeHandlerOptions = {},
): Definitions {
  const { store, today, historyQueue, backgroundReadAbove, indexQueue } = options;
  const deps: ForecastResolverDeps = {
    jiraAsUser: forgeJiraAsUser,
    configs,
    ...(store ? { locks: store, historyCache: new HistoryCache(store) } : {}),
    ...(store && historyQueue
      ? {
          backgroundHistory: {
            queue: historyQueue,
            markers: new HistoryReadMarkers(store),
            ...(backgroundReadAbove === undefined ? {} : { readAbove: backgroundReadAbove }),
          },
        }
      : {}),
    ...(today ? { today } : {}),
    ...(options.connections ? { connections: options.connections } : {}),
    // "Re-index now" reads open sprints as the app, like the daily reconcile; it never writes from here.
    ...(store && indexQueue
      ? { boardIndex: { index: new BoardIndexStore(store), queue: indexQueue, jiraAsApp: forgeJiraAsApp } }
      : {}),
  };
  const functions = createResolverFunctions(deps);
  const resolver = new Resolver();
  for (const key of RESOLVER_KEYS) resolver.define(key, functions[key]);
  const definitions = resolver.getDefinitions();
  // @forge/resolver looks keys up with `in`, so `constructor` or `toString` would reach Object's own
  // functions: only the app's own keys are dispatched.
  return async (request, backendRuntimePayload) => {
    const functionKey: unknown = request?.call?.functionKey;
    if (typeof functionKey !== 'string' || !KNOWN_KEYS.has(functionKey)) {
      const refused: ResolverResult<never> = {
        ok: false,
        error: { code: 'bad-request', message: `ML Lanes has no function ${describeKey(functionKey)}.` },
      };
      return refused;
    }
    return definitions(request, backendRuntimePayload);
  };
}

function describeKey(functionKey: unknown): string {
  return typeof functionKey === 'string'
    ? JSON.stringify(functionKey.slice(0, 80))
    : `named by a ${typeof functionKey}`;
}
