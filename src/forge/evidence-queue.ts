import { Queue } from '@forge/events';
import type { EvidenceQueue } from '../webhooks/route-delivery';

/** The evidence queue's key (manifest: consumer `ml-lanes-evidence-consumer`). */
export const EVIDENCE_QUEUE = 'ml-lanes-evidence';

/**
 * One delivery at a time per issue (Forge's concurrency key): two deliveries for one issue at once would both read
 * the same history, and the one holding the older values could write last. Different issues run side by side.
 */
export const evidenceConcurrency = (issueKey: string) => ({ key: `${EVIDENCE_QUEUE}:${issueKey}`, limit: 1 });

/** Forge's async-event queue for evidence events: one small event (< 8 KB) per delivery. */
export function forgeEvidenceQueue(): EvidenceQueue {
  let queue: Queue | undefined;
  return {
    async push(event) {
      queue ??= new Queue({ key: EVIDENCE_QUEUE });
      await queue.push({ body: { ...event }, concurrency: evidenceConcurrency(event.issueKey) });
    },
  };
}
