import { InvocationError, InvocationErrorCode, type AsyncEvent } from '@forge/events';
import { recordEvidence } from '../app/record-evidence';
import type { JiraRequest } from '../jira/seam';
import { ConnectionsStore } from '../storage/connections-store';
import { DeliveryLog } from '../storage/delivery-log';
import type { KeyValueStore } from '../storage/key-value-store';
import { forgeJiraAsEvidenceWriter } from './jira-as-user';

/**
 * The evidence consumer (manifest: consumer `ml-lanes-evidence-consumer`, function `evidence-consumer`): writes
 * each queued delivery as the app. A passing Jira failure returns Forge's InvocationError, so the queue tries
 * again after the delay (Forge retries a few times; recordEvidence gives up and logs after MAX_EVIDENCE_ATTEMPTS).
 */
export function createEvidenceConsumer(
  store: KeyValueStore,
  jira: () => JiraRequest = forgeJiraAsEvidenceWriter,
): (event: AsyncEvent) => Promise<InvocationError | undefined> {
  return async (event) => {
    const outcome = await recordEvidence(
      { jira: jira(), connections: new ConnectionsStore(store), log: new DeliveryLog(store), store },
      (event as { body?: unknown } | null | undefined)?.body,
      event?.retryContext?.retryCount ?? 0,
    );
    if (outcome.kind !== 'retry') return undefined;
    return new InvocationError({
      retryAfter: outcome.afterSeconds,
      retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
    });
  };
}
