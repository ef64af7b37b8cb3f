import type { MlLanesConfig } from '../config/schema';
import type { PlanView } from '../contract/plan-view';
import { buildPlan } from '../domain/plan';
import { getBoard, getSprint, type SprintSelector } from '../jira/agile';
import type { JiraClient } from '../jira/client';
import { loadPlanSnapshot } from '../jira/load-plan-snapshot';
import { scopeOf, type ConfigRepository } from '../storage/config-repository';
import { BadRequestError } from '../errors';

/**
 * Where the configuration comes from: the app's storage, where the board's project decides which applies (the
 * panels), or one document whatever the board (the CLI's `--config`).
 */
export type PlanSprintDeps =
  { client: JiraClient; configs: ConfigRepository } | { client: JiraClient; config: MlLanesConfig };

export interface PlanSprintRequest {
  /** The site's base URL, shown in the plan. */
  site: string;
  /** Left out for a sprint opened without its board: then the sprint's own board, as Jira reports it. */
  boardId?: number | undefined;
  sprint: SprintSelector;
}

/** Reads one sprint of one board from Jira and plans it: lanes, handoffs, Definition of Done, capacity. */
export async function planSprint(deps: PlanSprintDeps, request: PlanSprintRequest): Promise<PlanView> {
  const { client } = deps;
  const { site, sprint } = request;
  const boardId =
    request.boardId ??
    (typeof sprint === 'number' ? (await getSprint(client, sprint)).originBoardId : undefined);
  if (boardId === undefined) {
    throw new BadRequestError('Open ML Lanes from a board or a sprint, or pick a board: no board was given.');
  }
  if ('config' in deps) {
    const snapshot = await loadPlanSnapshot(client, { site, boardId, sprint, config: deps.config });
    return buildPlan(snapshot, deps.config);
  }
  const board = await getBoard(client, boardId);
  // The board's project (as Jira says, not the caller) decides whether a project configuration applies.
  const { config } = await deps.configs.load(scopeOf(board.location?.projectKey));
  const snapshot = await loadPlanSnapshot(client, { site, boardId, sprint, config, board });
  return buildPlan(snapshot, config);
}
