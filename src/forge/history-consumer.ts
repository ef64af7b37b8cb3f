import type { AsyncEvent } from '@forge/events';
import { readHistoryInBackground } from '../app/read-history-in-background';
import type { JiraRequest } from '../jira/seam';
import type { ConfigRepository } from '../storage/config-repository';
import { HistoryCache } from '../storage/history-cache';
import { HistoryReadMarkers } from '../storage/history-read-marker';
import type { KeyValueStore } from '../storage/key-value-store';
import { forgeJiraAsUser } from './jira-as-user';

/**
 * The consumer of background history reads (manifest: consumer `history-reader-consumer`, function `history-reader`). It
 * reads Jira through `api.asUser()`, never as the app; the read checks whom Jira answers as before reading.
 */
export function createHistoryConsumer(
  configs: ConfigRepository,
  store: KeyValueStore,
  jira: () => JiraRequest = forgeJiraAsUser,
): (event: AsyncEvent) => Promise<void> {
  return async (event) => {
    await readHistoryInBackground(
      { jira: jira(), configs, cache: new HistoryCache(store), markers: new HistoryReadMarkers(store) },
      (event as { body?: unknown } | null | undefined)?.body,
    );
  };
}
