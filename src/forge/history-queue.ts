import { Queue } from '@forge/events';
import { HISTORY_READ_QUEUE, type HistoryReadQueue } from '../app/history-read-event';

/**
 * Forge's async-event queue for background history reads: one small event per read (Forge takes up to 50 events
 * and 200 KB a push). https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api/
 */
export function forgeHistoryQueue(): HistoryReadQueue {
  let queue: Queue | undefined;
  return {
    async push(event) {
      queue ??= new Queue({ key: HISTORY_READ_QUEUE });
      await queue.push({ body: { ...event } });
    },
  };
}
