import { webTrigger } from '@forge/api';
import type { ConnectionsAccess, WebTriggerUrls } from '../app/connections-admin';
import { ConnectionsStore } from '../storage/connections-store';
import { DeliveryLog } from '../storage/delivery-log';
import type { KeyValueStore } from '../storage/key-value-store';
import { WebhookSecrets } from '../storage/webhook-secrets';
import { forgeSecretStore } from './secret-store';
import { EVIDENCE_WEBTRIGGER } from './webtrigger';

/**
 * The evidence web trigger's URL in Forge. It is stable per app, site and environment (redeploys keep it);
 * replacing it deletes the current URL, so a leaked one stops answering at once, and has Forge create a new one
 * (`getUrl(key, true)`). Every tool shares the URL, so after a replacement each tool needs the new one.
 */
export const forgeWebTriggerUrls: WebTriggerUrls = {
  current: () => webTrigger.getUrl(EVIDENCE_WEBTRIGGER),
  async replace() {
    await webTrigger.deleteUrl(await webTrigger.getUrl(EVIDENCE_WEBTRIGGER));
    return webTrigger.getUrl(EVIDENCE_WEBTRIGGER, true);
  },
};

/** The admin page's Connections in Forge: the same KVS and secret storage the web trigger reads. */
export function forgeConnectionsAccess(store: KeyValueStore): ConnectionsAccess {
  return {
    settings: new ConnectionsStore(store),
    secrets: new WebhookSecrets(forgeSecretStore),
    log: new DeliveryLog(store),
    webTrigger: forgeWebTriggerUrls,
  };
}
