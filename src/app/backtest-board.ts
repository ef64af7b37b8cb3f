import type { MlLanesConfig } from '../config/schema';
import type { BacktestReport } from '../contract/forecast-view';
import { replaySprints } from '../domain/forecast/backtest';
import { scoreBacktest } from '../domain/forecast/backtest-score';
import { getBoard } from '../jira/agile';
import type { JiraClient } from '../jira/client';
import { loadBoardHistory } from '../jira/load-board-history';

export interface BacktestBoardRequest {
  site: string;
  boardId: number;
  /** How many of the most recent closed sprints to replay. */
  sprints: number;
  historyDays: number;
  trials: number;
  seed: number;
  /** Replay the sprints closed before this instant (default now). */
  asOf?: Date;
}

/** Sprints are rarely longer than four weeks: enough history to reach back over the replayed ones. */
const DAYS_PER_SPRINT = 28;

/**
 * How accurate the forecast has been on a board: each recent closed sprint forecast as of its first day, from the
 * history before it, beside what happened.
 */
export async function backtestBoard(
  deps: { client: JiraClient; config: MlLanesConfig },
  request: BacktestBoardRequest,
): Promise<BacktestReport> {
  const { client, config } = deps;
  const board = await getBoard(client, request.boardId);
  const { history } = await loadBoardHistory(client, {
    boardId: request.boardId,
    config,
    asOf: request.asOf ?? new Date(),
    windowDays: request.historyDays + request.sprints * DAYS_PER_SPRINT,
    board,
  });
  const replayed = replaySprints(history, {
    sprints: request.sprints,
    windowDays: request.historyDays,
    trials: request.trials,
    seed: request.seed,
  });
  return {
    site: request.site,
    boardId: board.id,
    boardName: board.name,
    historyDays: request.historyDays,
    trials: request.trials,
    seed: request.seed,
    sprints: replayed.map((sprint) => ({
      sprintId: sprint.sprintId,
      sprintName: sprint.sprintName,
      sprintEnd: sprint.sprintEnd,
      finishedOn: sprint.finishedOn,
      p85: sprint.forecast?.p85 ?? null,
      doneBySprintEnd: sprint.forecast?.doneBySprintEnd ?? null,
    })),
    score: scoreBacktest(replayed),
    warnings: [
      ...history.warnings,
      ...(replayed.length < request.sprints
        ? [
            `only ${replayed.length} closed sprints with known work could be replayed (asked for ${request.sprints})`,
          ]
        : []),
      "a past sprint's work is what is done now: work it left over that is still open is not in the history",
    ],
  };
}
