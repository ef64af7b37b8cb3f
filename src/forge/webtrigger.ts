import type { WebTriggerRequest, WebTriggerResponse } from '@forge/api';
import { ConnectionsStore } from '../storage/connections-store';
import { DeliveryLog } from '../storage/delivery-log';
import type { KeyValueStore } from '../storage/key-value-store';
import { WebhookSecrets, type SecretStore } from '../storage/webhook-secrets';
import { routeDelivery, type EvidenceQueue } from '../webhooks/route-delivery';
import { answer } from '../webhooks/webhook-request';
import { forgeEvidenceQueue } from './evidence-queue';
import { forgeKvsStore } from './kvs-store';
import { forgeSecretStore } from './secret-store';

/** The web trigger's module key (manifest: webtrigger `ml-lanes-evidence`); its URL is what admins paste. */
export const EVIDENCE_WEBTRIGGER = 'ml-lanes-evidence';

/**
 * The web trigger (dynamic response): Forge's request into a WebhookRequest and the answer back. The route is the
 * path after the trigger's URL (`userPath` when Forge sends it). Any failure of our own becomes a bare 503 — the
 * tools retry on 5xx — and is logged without the request.
 */
export function createEvidenceWebtrigger(
  store: KeyValueStore = forgeKvsStore,
  secretStore: SecretStore = forgeSecretStore,
  queue: EvidenceQueue = forgeEvidenceQueue(),
): (request: WebTriggerRequest) => Promise<WebTriggerResponse> {
  return async (request) => {
    try {
      const userPath = (request as { userPath?: unknown }).userPath;
      return await routeDelivery(
        {
          method: request.method,
          path: typeof userPath === 'string' && userPath !== '' ? userPath : request.path,
          headers: request.headers ?? {},
          body: typeof request.body === 'string' ? request.body : '',
        },
        {
          secrets: new WebhookSecrets(secretStore),
          connections: new ConnectionsStore(store),
          queue,
          log: new DeliveryLog(store),
          store,
        },
      );
    } catch (error) {
      console.error(`ML Lanes web trigger failed: ${error instanceof Error ? error.name : 'error'}`);
      return answer(503, { error: 'temporarily unavailable' });
    }
  };
}
