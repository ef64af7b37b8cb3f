import type { ConnectionsAccess, WebTriggerUrls } from '../app/connections-admin';
import { ConnectionsStore } from '../storage/connections-store';
import { DeliveryLog } from '../storage/delivery-log';
import type { KeyValueStore } from '../storage/key-value-store';
import { WebhookSecrets } from '../storage/webhook-secrets';
import { forgeSecretStore } from './secret-store';
import { evidenceTriggerUrl, replaceEvidenceTriggerUrl } from './webtrigger-url';

/** The evidence web trigger's URL in Forge, and its replacement (src/forge/webtrigger-url.ts). */
export const forgeWebTriggerUrls: WebTriggerUrls = {
  current: () => evidenceTriggerUrl(),
  replace: () => replaceEvidenceTriggerUrl(),
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
