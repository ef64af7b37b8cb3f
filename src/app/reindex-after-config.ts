import type { SavedConfigView } from '../contract/admin-api';
import type { BoardIndexAccess } from './board-setup';
import { reconcileIndex } from './index-events';

/**
 * A configuration write changes lanes, rules or Definitions of Done: the open sprints' issues it covers (the
 * project's, or every project's for the site configuration) go on the board index's queue. The write is saved
 * either way; a failure to queue is said beside it, never lost.
 */
export async function withReindex(
  saved: SavedConfigView,
  boardIndex: BoardIndexAccess | undefined,
  now?: () => number,
): Promise<SavedConfigView> {
  if (!boardIndex) return saved;
  try {
    const { issues, complete } = await reconcileIndex(
      {
        jira: boardIndex.jiraAsApp(),
        queue: boardIndex.queue,
        index: boardIndex.index,
        ...(now ? { now } : {}),
      },
      saved.scope.projectKey ? { projectKey: saved.scope.projectKey } : {},
    );
    return { ...saved, reindex: { queued: issues, complete } };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ...saved, reindex: { failed: reason } };
  }
}
