import type { IndexQueue } from '../app/index-events';
import { reconcileIndex } from '../app/index-events';
import { createIndexTrigger } from '../forge/board-index-handlers';
import type { JiraRequest } from '../jira/seam';
import type { RunningSimulator } from '../simulator';
import { BoardIndexStore } from '../storage/board-index-store';
import type { KeyValueStore } from '../storage/key-value-store';

/*
 * The board index on the playground's simulator, wired as Forge wires it on a site: the simulator's events go to
 * the app's trigger (which only queues them), the queue's consumer recomputes the issues. At start every issue in
 * open sprints is queued, as "re-index now" does, so the app's fields have values on the board.
 */

/** Hands every event the simulator sends to the app's index trigger; returns the unsubscribe. */
export function wireSimulatorEvents(
  simulator: RunningSimulator,
  queue: IndexQueue,
  log: (message: string) => void = (message) => console.error(message),
): () => void {
  const trigger = createIndexTrigger(queue, log);
  return simulator.onEvent((event) => {
    trigger(event).catch((error: unknown) => log(`ML Lanes board index trigger failed: ${String(error)}`));
  });
}

/**
 * Indexes the simulator's open sprints from scratch. The simulator starts fresh each time while the store may be a
 * file kept between runs: what the index remembers of an earlier simulator (values it wrote, links it read) no
 * longer holds, and would keep it from writing "unchanged" values the new simulator does not have.
 */
export async function indexFreshSimulator(deps: {
  jira: JiraRequest;
  queue: IndexQueue;
  store: KeyValueStore;
}): Promise<{ issues: number; complete: boolean }> {
  const index = new BoardIndexStore(deps.store);
  await index.clear();
  const { issues, complete } = await reconcileIndex({ jira: deps.jira, queue: deps.queue, index });
  return { issues, complete };
}
