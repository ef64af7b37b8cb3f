import { join } from 'node:path';
import type { ConnectionsAccess } from '../app/connections-admin';
import { ConnectionsStore } from '../storage/connections-store';
import { DeliveryLog } from '../storage/delivery-log';
import type { KeyValueStore } from '../storage/key-value-store';
import { FileSecretStore, WebhookSecrets } from '../storage/webhook-secrets';

/** Where the playground serves the web trigger `ml-lanes-evidence`; a tool's route is this plus `/<tool>`. */
export const PLAYGROUND_WEBTRIGGER_PATH = '/webtrigger/ml-lanes-evidence';

/** The web trigger secrets' file, beside the playground's KVS file (owner-only). */
export const WEBHOOK_SECRETS_FILE = 'webhook-secrets.json';

/**
 * The admin page's Connections in the playground: settings and the delivery log beside the configuration, the
 * web trigger secrets in their own owner-only file in the same folder, and the playground's own URL for the web
 * trigger (fixed: it cannot be replaced, as Forge's can).
 */
export function playgroundConnections(
  store: KeyValueStore,
  dataDir: string,
  appUrl: () => string,
): ConnectionsAccess {
  return {
    settings: new ConnectionsStore(store),
    secrets: new WebhookSecrets(new FileSecretStore(join(dataDir, WEBHOOK_SECRETS_FILE))),
    log: new DeliveryLog(store),
    webTrigger: { current: async () => `${appUrl()}${PLAYGROUND_WEBTRIGGER_PATH}` },
  };
}
