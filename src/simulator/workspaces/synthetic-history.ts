import type { Workspace } from '../workspace';
import { backfillHistory } from '../history/backfill';
import { sprintsBefore } from '../history/calendar';
import { generateHistory } from '../history/generate';
import { DEFAULT_HISTORY_PROCESS, LANE_IDS, type HistoryProcess, type LaneId } from '../history/process';
import { SYNTHETIC_BOARD_ID, SYNTHETIC_FIELDS, SYNTHETIC_SPRINTS, syntheticWorkspace } from './synthetic';

/**
 * The synthetic board (`syntheticWorkspace`) with a past for benchmarks: exactly `doneIssues` done issues over
 * `closedSprints` closed two-week sprints (ids 10, 9, … back from the active sprint 11), following
 * `DEFAULT_HISTORY_PROCESS`'s rates conditioned on that total, and histories for the active sprint's issues
 * (about a quarter of which are done since it started).
 */

export interface SyntheticHistoryOptions {
  doneIssues: number;
  /** Issues in the active sprint (default 30). */
  activeIssues?: number;
  closedSprints?: number;
  seed?: number;
  /** The site's clock (default a few days into the active sprint). */
  now?: string;
  process?: HistoryProcess;
}

export const SYNTHETIC_NOW = '2026-11-30T10:00:00.000Z';

export function syntheticHistoryWorkspace(options: SyntheticHistoryOptions): Workspace {
  const seed = options.seed ?? 1;
  const now = options.now ?? SYNTHETIC_NOW;
  const ws = syntheticWorkspace({ issues: options.activeIssues ?? 30, seed });
  const active = ws.sprints.find((s) => s.id === SYNTHETIC_SPRINTS.active);
  if (!active?.startDate) throw new Error('The synthetic workspace has an active sprint with dates.');
  const closed = sprintsBefore({ startDate: active.startDate }, options.closedSprints ?? 6, {
    lastId: SYNTHETIC_SPRINTS.active - 1,
    lastNumber: 0,
    prefix: 'Synthetic Sprint',
  });
  const people = LANE_IDS.flatMap((lane) =>
    [1, 2].map((n) => ({ accountId: `712020:synthetic-${lane}-${n}`, displayName: `${lane} person ${n}` })),
  );
  const byLane = Object.fromEntries(
    LANE_IDS.map((lane) => [
      lane,
      people.filter((p) => p.accountId.includes(`-${lane}-`)).map((p) => p.accountId),
    ]),
  ) as Record<LaneId, string[]>;
  const history = generateHistory({
    seed,
    sprints: closed,
    timeZone: 'Europe/Berlin',
    now,
    projectKey: 'SYN',
    keys: { idBase: 100000 - 1, takenNumbers: new Set(ws.issues.map((i) => Number(i.key.split('-')[1]))) },
    storyPointsFieldId: SYNTHETIC_FIELDS.storyPointEstimate,
    people: { scrumMaster: people[0]?.accountId ?? '', byLane },
    process: options.process ?? DEFAULT_HISTORY_PROCESS,
    doneIssues: options.doneIssues,
  });
  const sprints = [
    ...closed.map((s) => ({ ...s, boardId: SYNTHETIC_BOARD_ID, state: 'closed' as const })),
    ...ws.sprints,
  ];
  // The active sprint's issues (about a quarter of them done) get histories that lead to where they are.
  const current = backfillHistory(ws.issues, {
    seed: seed + 1,
    timeZone: 'Europe/Berlin',
    now,
    sprints,
    categories: new Map(ws.statuses.map((s) => [s.name, s.categoryKey])),
    scrumMaster: people[0]?.accountId ?? '',
    team: people.map((p) => p.accountId),
  });
  return {
    ...ws,
    name: `Synthetic with history (${options.doneIssues} done issues, seed ${seed})`,
    now,
    people,
    sprints,
    issues: [...current, ...history.issues],
    links: [...(ws.links ?? []), ...history.links],
  };
}
