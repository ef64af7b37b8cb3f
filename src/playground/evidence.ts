import { createEvidenceConsumer } from '../forge/evidence-consumer';
import { createEvidenceWebtrigger } from '../forge/webtrigger';
import type { JiraRequest } from '../jira/seam';
import type { KeyValueStore } from '../storage/key-value-store';
import type { SecretStore } from '../storage/webhook-secrets';
import { inProcessEvidenceQueue, type InProcessEvidenceQueue } from './evidence-queue';
import type { WebTriggerHandler } from './webtrigger-route';

export interface PlaygroundEvidence {
  /** The manifest's web trigger function, over the playground's stores and queue. */
  webTrigger: WebTriggerHandler;
  queue: InProcessEvidenceQueue;
}

/**
 * The web trigger `ml-lanes-evidence` and its queue as the playground runs them: the same handler Forge calls,
 * with the playground's file-backed KVS and secrets, and an in-process queue whose consumer (the manifest's
 * `ml-lanes-evidence-consumer`) writes to Jira as the app. `jira` replaces the app's Jira for tests.
 */
export function playgroundEvidence(
  store: KeyValueStore,
  secrets: SecretStore,
  jira?: () => JiraRequest,
): PlaygroundEvidence {
  const queue = inProcessEvidenceQueue(createEvidenceConsumer(store, jira));
  return { webTrigger: createEvidenceWebtrigger(store, secrets, queue), queue };
}
