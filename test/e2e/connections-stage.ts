/**
 * A browser-test stage with the admin page's Connections wired as the playground wires them (settings and log
 * beside the configuration, secrets in their own store, the playground's fixed web trigger URL), so the tests
 * can also look behind the page: what is stored, and what the delivery log holds.
 */
import type { ConnectionsAccess } from '../../src/app/connections-admin';
import type { MlLanesConfig } from '../../src/config/schema';
import { createForgeHandler } from '../../src/forge/handler';
import { launchChromium } from '../../src/playground/chromium';
import { installForgeRuntime } from '../../src/playground/forge-runtime';
import { startPlayground } from '../../src/playground/server';
import { DEMO_NOW, startSimulator, type Workspace } from '../../src/simulator';
import { ConfigRepository } from '../../src/storage/config-repository';
import { ConnectionsStore } from '../../src/storage/connections-store';
import { DeliveryLog } from '../../src/storage/delivery-log';
import { MemoryStore } from '../../src/storage/key-value-store';
import { MemorySecretStore, WebhookSecrets } from '../../src/storage/webhook-secrets';
import type { Stage } from './support';

export const E2E_ADMIN = { email: 'e2e@example.com', apiToken: 'e2e-token' };

export interface ConnectionsStage extends Stage {
  access: ConnectionsAccess;
  secretStore: MemorySecretStore;
}

/** With `config`, the site's configuration is saved before the page opens. */
export async function startConnectionsStage(
  workspace: Workspace,
  config?: MlLanesConfig,
): Promise<ConnectionsStage> {
  const simulator = await startSimulator({ workspace: { ...workspace, credentials: E2E_ADMIN } });
  installForgeRuntime({ jiraUrl: simulator.url, ...E2E_ADMIN });
  const store = new MemoryStore();
  const configs = new ConfigRepository(new MemoryStore());
  if (config) await configs.save({}, config, 0, 'e2e-admin');
  const secretStore = new MemorySecretStore();
  let appUrl = '';
  const access: ConnectionsAccess = {
    settings: new ConnectionsStore(store),
    secrets: new WebhookSecrets(secretStore),
    log: new DeliveryLog(store),
    webTrigger: { current: async () => `${appUrl}/webtrigger/ml-lanes-evidence` },
  };
  const playground = await startPlayground({
    handler: createForgeHandler(configs, {
      store,
      today: () => new Date(DEMO_NOW),
      connections: access,
    }),
    siteUrl: simulator.url,
    users: { admin: { ...E2E_ADMIN, accountId: 'e2e-admin' } },
  });
  appUrl = playground.url;
  const browser = await launchChromium();
  return {
    browser,
    playground,
    simulator,
    access,
    secretStore,
    close: async () => {
      await browser.close();
      await playground.close();
      await simulator.close();
    },
  };
}
