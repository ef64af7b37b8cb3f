import type { WebTriggerRequest } from '@forge/api';
import { defaultConnections } from '../../../src/config/connections-schema';
import type { EvidenceEvent } from '../../../src/domain/evidence/evidence-event';
import { createEvidenceWebtrigger } from '../../../src/forge/webtrigger';
import { ConnectionsStore } from '../../../src/storage/connections-store';
import { MemoryStore, type KeyValueStore } from '../../../src/storage/key-value-store';
import { MemorySecretStore, WebhookSecrets } from '../../../src/storage/webhook-secrets';
import { signDelivery } from '../../../src/webhooks/verify';
import { BODIES } from './support/harness';

async function setUp() {
  const store = new MemoryStore();
  const secretStore = new MemorySecretStore();
  const connections = defaultConnections();
  connections.allowedProjects = ['ML'];
  connections.tools.ci.enabled = true;
  await new ConnectionsStore(store).save(connections, 0, 'admin');
  const { secret } = await new WebhookSecrets(secretStore).rotate('ci');
  const queued: EvidenceEvent[] = [];
  return {
    store,
    secretStore,
    secret,
    queued,
    queue: { push: async (event: EvidenceEvent) => void queued.push(event) },
  };
}

/** A request as Forge hands it to the function: lowercased header names, lists of values. */
function forgeRequest(secret: string, extra: Partial<WebTriggerRequest> & { userPath?: string } = {}) {
  const headers = signDelivery('ci', BODIES.ci, secret, {
    deliveryId: 'run-1',
    timestampSeconds: Math.floor(Date.now() / 1000),
  });
  return {
    method: 'POST',
    path: '/x1/abcDEF123/ci',
    headers: Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name.toLowerCase(), [value]]),
    ),
    queryParameters: {},
    body: BODIES.ci,
    ...extra,
  } as WebTriggerRequest;
}

describe('the Forge web trigger', () => {
  it("takes the route from the path Forge gives, verifies, queues and answers 202 in Forge's shape", async () => {
    const { store, secretStore, secret, queue, queued } = await setUp();
    const trigger = createEvidenceWebtrigger(store, secretStore, queue);
    const response = await trigger(forgeRequest(secret));
    expect(response).toEqual({
      statusCode: 202,
      headers: { 'Content-Type': ['application/json'], 'Cache-Control': ['no-store'] },
      body: JSON.stringify({ accepted: 'run-1' }),
    });
    expect(queued).toHaveLength(1);
  });

  it('prefers userPath when Forge sends it', async () => {
    const { store, secretStore, secret, queue } = await setUp();
    const trigger = createEvidenceWebtrigger(store, secretStore, queue);
    const response = await trigger(forgeRequest(secret, { path: '/x1/abcDEF123', userPath: '/ci' }));
    expect(response.statusCode).toBe(202);
  });

  it('answers a bare 503 when its own storage fails, so the tool retries; nothing of the request is echoed', async () => {
    const { secretStore, secret, queue, queued } = await setUp();
    const broken: KeyValueStore = {
      get: () => Promise.reject(new Error('kvs down')),
      set: () => Promise.reject(new Error('kvs down')),
      setIfAbsent: () => Promise.reject(new Error('kvs down')),
      delete: () => Promise.reject(new Error('kvs down')),
      keys: () => Promise.reject(new Error('kvs down')),
    };
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await createEvidenceWebtrigger(broken, secretStore, queue)(forgeRequest(secret));
    expect(response).toMatchObject({
      statusCode: 503,
      body: JSON.stringify({ error: 'temporarily unavailable' }),
    });
    expect(queued).toHaveLength(0);
    expect(JSON.stringify(spy.mock.calls)).not.toContain('ML-42');
    spy.mockRestore();
  });
});
