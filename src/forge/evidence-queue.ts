import { Queue } from '@forge/events';
import type { EvidenceQueue } from '../webhooks/route-delivery';

/** The evidence queue's key (manifest: consumer `ml-lanes-evidence-consumer`). */
export const EVIDENCE_QUEUE = 'ml-lanes-evidence';

/** Forge's async-event queue for evidence events: one small event (< 8 KB) per delivery. */
export function forgeEvidenceQueue(): EvidenceQueue {
  let queue: Queue | undefined;
  return {
    async push(event) {
      queue ??= new Queue({ key: EVIDENCE_QUEUE });
      await queue.push({ body: { ...event } });
    },
  };
}
