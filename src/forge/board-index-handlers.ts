import { Queue, type AsyncEvent } from '@forge/events';
import {
  consumeIndexJob,
  enqueue,
  INDEX_QUEUE,
  reconcileIndex,
  toIndexEvent,
  type IndexQueue,
} from '../app/index-events';
import type { JiraRequest } from '../jira/seam';
import { BoardIndexStore } from '../storage/board-index-store';
import type { ConfigRepository } from '../storage/config-repository';
import type { KeyValueStore } from '../storage/key-value-store';
import { forgeJiraAsIndexer } from './jira-as-user';

/*
 * The board index's Forge functions (manifest: trigger `ml-lanes-index-trigger`, consumer `ml-lanes-index-consumer`,
 * scheduledTrigger `ml-lanes-index-reconcile`). Triggers only enqueue, within their short time limit; the consumer,
 * up to 900 s, does the reading and writing. All of it runs as the app: events have no user.
 */

/**
 * One index job at a time per installation (Forge's concurrency key): two jobs at once could let the one that read
 * Jira earlier write last, leaving stale values until the next change; one at a time also keeps the run status's
 * read-modify-write in KVS from racing.
 */
const ONE_JOB_AT_A_TIME = { key: INDEX_QUEUE, limit: 1 };

/** Forge's async-event queue for index jobs (up to 50 events and 200 KB a push). */
export function forgeIndexQueue(): IndexQueue {
  let queue: Queue | undefined;
  return {
    async push(jobs, options = {}) {
      queue ??= new Queue({ key: INDEX_QUEUE });
      const delay = options.delayInSeconds === undefined ? {} : { delayInSeconds: options.delayInSeconds };
      await queue.push(
        jobs.map((job) => ({ body: { ...job }, concurrency: { ...ONE_JOB_AT_A_TIME }, ...delay })),
      );
    },
  };
}

export function createIndexTrigger(
  queue: IndexQueue = forgeIndexQueue(),
  log: (message: string) => void = (message) => console.error(message),
): (event: unknown) => Promise<void> {
  return async (event) => {
    const indexEvent = toIndexEvent(event);
    if (!indexEvent) {
      const type = (event as { eventType?: unknown } | null)?.eventType;
      log(`ML Lanes board index ignored an event it does not read (${String(type)})`);
      return;
    }
    await enqueue(queue, { events: [indexEvent] });
  };
}

export function createIndexConsumer(
  configs: ConfigRepository,
  store: KeyValueStore,
  queue: IndexQueue = forgeIndexQueue(),
  jira: () => JiraRequest = forgeJiraAsIndexer,
): (event: AsyncEvent) => Promise<void> {
  return async (event) => {
    await consumeIndexJob(
      { jira: jira(), configs, index: new BoardIndexStore(store), queue },
      (event as { body?: unknown } | null | undefined)?.body,
    );
  };
}

export function createIndexReconcile(
  store: KeyValueStore,
  queue: IndexQueue = forgeIndexQueue(),
  jira: () => JiraRequest = forgeJiraAsIndexer,
): () => Promise<{ statusCode: number }> {
  return async () => {
    await reconcileIndex({ jira: jira(), queue, index: new BoardIndexStore(store) });
    // A scheduled trigger answers 204, or Forge logs the run as failed (424).
    return { statusCode: 204 };
  };
}
