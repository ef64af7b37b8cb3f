import type { BoardHistory, ClosedSprint } from './model';

/** What one closed sprint saw a lane finish: issues whose holding done date falls in [startDate, completeDate]. */
export interface SprintCompletion {
  sprintId: number;
  points: number;
  issues: number;
  /** Of `issues`, those without story points (they count as 0 points). */
  unestimated: number;
}

/** One lane's samples from the board's history. */
export interface LaneSamples {
  lane: string;
  /** The lane's issues done in the window (what its column of `dailyDone` adds up to). */
  doneIssues: number;
  /** Cycle times in days, ascending: first move into progress to the last move into done that holds, + 1. */
  cycleTimes: readonly number[];
  cycleTimeP50: number | null;
  cycleTimeP85: number | null;
  /** Calendar days the lane's issues were blocked (flagged, or waiting on an unfinished upstream) while in progress. */
  blockedDays: number;
  /** One entry per `LaneHistory.sprints`, same order. */
  completedPerSprint: readonly SprintCompletion[];
}

/**
 * Each lane's history, derived from a `BoardHistory`. Throughput is a joint matrix: row d is working day
 * `days[d]`, column l is lane `laneIds[l]`, so a simulation draws one historical day for all lanes together.
 */
export interface LaneHistory {
  timeZone: string;
  window: { from: string; to: string };
  /** The window's working days, oldest first (YYYY-MM-DD in `timeZone`). Non-working days are not sampled. */
  days: readonly string[];
  /** Lane ids: the columns of `dailyDone` and the order of `lanes`. */
  laneIds: readonly string[];
  /**
   * dailyDone[d][l]: issues of lane l done on working day d (zeros kept). An issue done on a non-working day counts
   * on the next working day (the window's last one at its end), so no finished work is dropped.
   */
  dailyDone: readonly (readonly number[])[];
  lanes: readonly LaneSamples[];
  /** The closed sprints inside the window, oldest first (the order of `completedPerSprint`). */
  sprints: readonly ClosedSprint[];
  /** What was left out or assumed, in words. */
  warnings: readonly string[];
}

/** Derives each lane's history from the board's. Not yet implemented. */
export function deriveLaneHistory(history: BoardHistory): LaneHistory {
  throw new Error(
    `deriveLaneHistory: not implemented yet (board history with ${history.issues.length} issues)`,
  );
}
