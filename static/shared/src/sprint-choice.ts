/** Which board and sprint to show first when the person has not chosen: the planning panel and the admin preview. */
import type { BoardChoice } from '../../../src/contract/resolver-api';

export type SprintChoice = BoardChoice['sprints'][number];

/** A scrum board with sprints first, else any board. */
export function defaultBoard(boards: BoardChoice[]): BoardChoice | undefined {
  return boards.find((board) => board.sprints.some((sprint) => sprint.state !== 'closed')) ?? boards[0];
}

/** The active sprint, else the next one, else the latest closed one. */
export function defaultSprint(board: BoardChoice): SprintChoice | undefined {
  return (
    board.sprints.find((sprint) => sprint.state === 'active') ??
    board.sprints.find((sprint) => sprint.state === 'future') ??
    board.sprints.at(-1)
  );
}
