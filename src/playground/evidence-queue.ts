import type { AsyncEvent, InvocationError } from '@forge/events';
import { randomUUID } from 'node:crypto';
import { EVIDENCE_QUEUE } from '../forge/evidence-queue';
import type { EvidenceEvent } from '../domain/evidence/evidence-event';
import type { EvidenceQueue } from '../webhooks/route-delivery';

/** Evidence waits this long before the consumer writes it: short, so "Send a test delivery" feels immediate. */
export const EVIDENCE_DELAY_MS = 300;
/** Forge retries a failed consumer a few times; the playground does the same, sooner. */
const MAX_RETRIES = 3;
const RETRY_CAP_MS = 5000;

export interface InProcessEvidenceQueue extends EvidenceQueue {
  /** Events pushed and not yet consumed (waiting, running or waiting to retry). */
  pending(): number;
}

/**
 * The playground's stand-in for the evidence queue: each event goes to the consumer a moment later, one at a time
 * in push order (Forge runs one per issue at a time; one at a time overall is stricter and enough here). A
 * consumer that asks to retry (InvocationError) is run again after its delay, with Forge's retry count.
 */
export function inProcessEvidenceQueue(
  consume: (event: AsyncEvent) => Promise<InvocationError | undefined>,
  delayMs = EVIDENCE_DELAY_MS,
): InProcessEvidenceQueue {
  let chain: Promise<void> = Promise.resolve();
  let pending = 0;
  const schedule = (event: EvidenceEvent, retryCount: number, waitMs: number) => {
    const timer = setTimeout(() => {
      chain = chain
        .then(async () => {
          const delivered: AsyncEvent = {
            queueName: EVIDENCE_QUEUE,
            jobId: randomUUID(),
            eventId: randomUUID(),
            body: { ...event },
            ...(retryCount > 0
              ? {
                  retryContext: {
                    retryCount,
                    retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED',
                    retryData: null,
                  },
                }
              : {}),
          };
          const outcome = await consume(delivered);
          if (outcome && retryCount < MAX_RETRIES) {
            const after = Math.min((outcome.retryOptions.retryAfter ?? 1) * 1000, RETRY_CAP_MS);
            pending += 1;
            schedule(event, retryCount + 1, after);
          }
        })
        .catch((error: unknown) => console.error(error))
        .finally(() => {
          pending -= 1;
        });
    }, waitMs);
    // A waiting event must not keep the playground from stopping.
    timer.unref();
  };
  return {
    pending: () => pending,
    push(event) {
      pending += 1;
      schedule(event, 0, delayMs);
      return Promise.resolve();
    },
  };
}
