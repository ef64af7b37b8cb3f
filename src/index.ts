/** Forge entry points: only wiring. Logic lives in src/resolvers and the core below it. */
import {
  createIndexConsumer,
  createIndexReconcile,
  createIndexTrigger,
  forgeIndexQueue,
} from './forge/board-index-handlers';
import { createDoneGate } from './forge/done-gate';
import { createEvidenceConsumer } from './forge/evidence-consumer';
import { createForgeHandler } from './forge/handler';
import { createHistoryConsumer } from './forge/history-consumer';
import { forgeHistoryQueue } from './forge/history-queue';
import { forgeKvsStore } from './forge/kvs-store';
import { createEvidenceWebtrigger } from './forge/webtrigger';
import { ConfigRepository } from './storage/config-repository';

const configs = new ConfigRepository(forgeKvsStore);

/** Every resolver of the Custom UIs (manifest: function `resolver`). */
export const handler = createForgeHandler(configs, {
  store: forgeKvsStore,
  historyQueue: forgeHistoryQueue(),
  indexQueue: forgeIndexQueue(),
});

/** Reads a board history too large for a resolver call, in the background (manifest: function `history-reader`). */
export const readBoardHistory = createHistoryConsumer(configs, forgeKvsStore);

/** The Definition-of-Done gate on transitions to Done (manifest: function `done-gate`). */
export const validateDone = createDoneGate(configs);

/** Jira's issue and link events, onto the board index's queue (manifest: function `index-trigger`). */
export const indexTrigger = createIndexTrigger();

/** Recomputes the issues a board index job names (manifest: function `index-consumer`). */
export const indexConsumer = createIndexConsumer(configs, forgeKvsStore);

/** Every day, every issue in open sprints back onto the queue, for missed events (function `index-reconcile`). */
export const indexReconcile = createIndexReconcile(forgeKvsStore);

/** ML tools' deliveries (MLflow, Databricks, W&B, Label Studio, CI): verified, queued, 202 (function `evidence-webtrigger`). */
export const evidenceWebtrigger = createEvidenceWebtrigger(forgeKvsStore);

/** Writes each queued delivery to Jira as the app (manifest: function `evidence-consumer`). */
export const evidenceConsumer = createEvidenceConsumer(forgeKvsStore);
