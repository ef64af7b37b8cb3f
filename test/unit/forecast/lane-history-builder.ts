import type {
  BoardHistory,
  ClosedSprint,
  IssueHistory,
  WorkCategory,
} from '../../../src/domain/forecast/model';

/**
 * Board histories for forecasting tests. By default: Berlin, Monday to Friday, a four-week window from Monday
 * 1 June 2026 to Monday 29 June 2026 (20 working days), lanes data / model / qa, no sprints.
 */
export const WINDOW = { from: '2026-06-01T00:00:00+02:00', to: '2026-06-29T00:00:00+02:00' };

/** An issue whose status categories follow `path` ([instant, category] pairs; the first is its creation). */
export function issue(
  key: string,
  lane: string | null,
  path: readonly (readonly [string, WorkCategory])[],
  overrides: Partial<IssueHistory> = {},
): IssueHistory {
  const first = path[0];
  return {
    key,
    lane,
    issueType: 'Task',
    created: first ? first[0] : '2026-01-05T09:00:00+01:00',
    categories: path.map(([at, category]) => ({ at, category })),
    flagged: [],
    storyPoints: null,
    sprintIds: [],
    upstreamKeys: [],
    defects: [],
    ...overrides,
  };
}

/** Created on 5 January 2026, started at `started`, done at `done`. */
export function doneIssue(
  key: string,
  lane: string | null,
  started: string,
  done: string,
  overrides: Partial<IssueHistory> = {},
): IssueHistory {
  return issue(
    key,
    lane,
    [
      ['2026-01-05T09:00:00+01:00', 'new'],
      [started, 'indeterminate'],
      [done, 'done'],
    ],
    overrides,
  );
}

export function board(issues: readonly IssueHistory[], overrides: Partial<BoardHistory> = {}): BoardHistory {
  return {
    timeZone: 'Europe/Berlin',
    workingDays: [1, 2, 3, 4, 5],
    window: WINDOW,
    lanes: ['data', 'model', 'qa'],
    closedSprints: [],
    issues,
    warnings: [],
    ...overrides,
  };
}

export function sprint(id: number, startDate: string, completeDate: string): ClosedSprint {
  return { id, name: `Sprint ${id}`, startDate, endDate: completeDate, completeDate };
}
