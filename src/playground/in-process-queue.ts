import type { AsyncEvent } from '@forge/events';
import { randomUUID } from 'node:crypto';
import { HISTORY_READ_QUEUE, type HistoryReadQueue } from '../app/history-read-event';
import { INDEX_QUEUE, type IndexQueue } from '../app/index-events';

/** How long an event waits before its consumer runs: long enough to see the panel's "reading" state. */
export const IN_PROCESS_DELAY_MS = 3000;

/**
 * The playground's stand-in for Forge's async-event queue: each pushed event is handed to `consume` a moment later,
 * in this process, as Forge would hand it to the consumer function. A consumer that throws is logged, not retried.
 */
export function inProcessQueue(
  consume: (event: AsyncEvent) => Promise<void>,
  delayMs = IN_PROCESS_DELAY_MS,
): HistoryReadQueue {
  return {
    push(event) {
      const timer = setTimeout(() => {
        const delivered: AsyncEvent = {
          queueName: HISTORY_READ_QUEUE,
          jobId: randomUUID(),
          eventId: randomUUID(),
          body: { ...event },
        };
        consume(delivered).catch((error: unknown) => console.error(error));
      }, delayMs);
      // A pending read must not keep the playground from stopping.
      timer.unref();
      return Promise.resolve();
    },
  };
}

/** The board index's in-process queue, which also says how many jobs it has not finished yet. */
export interface InProcessIndexQueue extends IndexQueue {
  /** Jobs pushed and not yet consumed (waiting, delayed or running). */
  pending(): number;
}

/**
 * The same stand-in for the board index's queue ("re-index now" in the admin page, Jira's events on the board page):
 * each job goes to `consume` a moment later, one at a time in push order, as Forge's consumer would take them (with a
 * concurrency of one).
 */
export function inProcessIndexQueue(
  consume: (event: AsyncEvent) => Promise<void>,
  delayMs = IN_PROCESS_DELAY_MS,
): InProcessIndexQueue {
  let chain: Promise<void> = Promise.resolve();
  let pending = 0;
  return {
    pending: () => pending,
    push(jobs) {
      for (const job of jobs) {
        const delivered: AsyncEvent = {
          queueName: INDEX_QUEUE,
          jobId: randomUUID(),
          eventId: randomUUID(),
          body: { ...job },
        };
        pending += 1;
        const timer = setTimeout(() => {
          chain = chain
            .then(() => consume(delivered))
            .catch((error: unknown) => console.error(error))
            .finally(() => {
              pending -= 1;
            });
        }, delayMs);
        timer.unref();
      }
      return Promise.resolve();
    },
  };
}
