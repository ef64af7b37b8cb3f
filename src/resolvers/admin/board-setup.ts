import { readBoardSetup, reindexNow } from '../../app/board-setup';
import type { BoardSetupView, ReindexResult } from '../../contract/board-setup-api';
import { jiraClientFor, type ResolverDeps } from '../deps';
import type { ForgeContext } from '../request';
import { boardSetupPayload, reindexPayload } from './payloads';

/** The board setup of one board, as the person looking sees it (their board, their /jql/parse). */
export async function getBoardSetup(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<BoardSetupView> {
  const { boardId } = boardSetupPayload.parse(payload);
  return readBoardSetup(
    {
      client: jiraClientFor(deps, context),
      configs: deps.configs,
      ...(deps.boardIndex ? { boardIndex: deps.boardIndex } : {}),
    },
    boardId,
  );
}

/** "Re-index now": Jira admins only, checked here on the server as the caller. */
export async function reindexBoardIndex(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<ReindexResult> {
  reindexPayload.parse(payload);
  return reindexNow({
    client: jiraClientFor(deps, context),
    ...(deps.boardIndex ? { boardIndex: deps.boardIndex } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  });
}
