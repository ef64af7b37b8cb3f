import type { MlLanesConfig } from '../config/schema';
import type { ForecastAnswer, ForecastPending, ForecastView, WhatIf } from '../contract/forecast-view';
import { buildForecast, DATA_LANE, labelingCandidates } from '../domain/forecast/build-forecast';
import { buildPlan } from '../domain/plan';
import { BadRequestError, JiraError } from '../errors';
import { getBoard, getSprint, type SprintSelector } from '../jira/agile';
import type { JiraClient } from '../jira/client';
import { readEvidenceHistories, type EvidenceRead } from '../jira/evidence-read';
import { loadBoardHistory } from '../jira/load-board-history';
import { loadPlanSnapshot } from '../jira/load-plan-snapshot';
import { scopeOf, type ConfigRepository } from '../storage/config-repository';
import { fingerprint, type HistoryCache, type HistoryCacheKey } from '../storage/history-cache';
import { askForBackgroundRead, type BackgroundHistory } from './background-history';

export const DEFAULT_HISTORY_DAYS = 90;
export const DEFAULT_TRIALS = 10_000;
export const DEFAULT_BACKTEST_SPRINTS = 6;
/** Replayed sprints need their own 90 days before them: six two-week sprints reach back 12 weeks more. */
const BACKTEST_EXTRA_DAYS = 7 * 14;
const BACKTEST_TRIALS = 2_000;

export type ForecastSprintDeps = (
  { client: JiraClient; configs: ConfigRepository } | { client: JiraClient; config: MlLanesConfig }
) & {
  /** Where derived histories are kept between requests, for this person (the panel); none for the CLI. */
  history?: { cache: HistoryCache; accountId: string; background?: BackgroundHistory };
  now?: () => Date;
};

export interface ForecastSprintRequest {
  site: string;
  boardId?: number | undefined;
  sprint: SprintSelector;
  /** Forecast as if it were this instant, learning only from what happened before it (a backtest's `--as-of`). */
  asOf?: Date;
  historyDays?: number;
  trials?: number;
  /** Left out: the sprint's id, so the same sprint and data give the same answer on every refresh. */
  seed?: number;
  whatIf?: WhatIf;
  backtestSprints?: number;
  /** Read the history from Jira even when a recent copy is stored. */
  refreshHistory?: boolean;
}

const NO_WHAT_IF: WhatIf = { excludedKeys: [], laneThroughput: {} };

/** Reads a sprint and its board's history from Jira and forecasts it. Nothing is written to Jira. */
export async function forecastSprint(
  deps: ForecastSprintDeps,
  request: ForecastSprintRequest,
): Promise<ForecastView> {
  const answer = await forecastOrReadInBackground(deps, request);
  if ('background' in answer)
    throw new Error('The history is being read in the background: ask again shortly.');
  return answer;
}

/**
 * The panel's forecast: as `forecastSprint`, except that a board whose history is too large to read within one
 * resolver call has it read in the background (when `deps.history.background` is given), and the answer says so.
 */
export async function forecastOrReadInBackground(
  deps: ForecastSprintDeps,
  request: ForecastSprintRequest,
): Promise<ForecastAnswer> {
  const { client } = deps;
  const now = deps.now?.() ?? new Date();
  const asOf = request.asOf ?? now;
  const historyDays = request.historyDays ?? DEFAULT_HISTORY_DAYS;
  const backtestSprints = request.backtestSprints ?? DEFAULT_BACKTEST_SPRINTS;
  const boardId =
    request.boardId ??
    (typeof request.sprint === 'number'
      ? (await getSprint(client, request.sprint)).originBoardId
      : undefined);
  if (boardId === undefined) {
    throw new BadRequestError('Open ML Lanes from a board or a sprint, or pick a board: no board was given.');
  }
  const board = await getBoard(client, boardId);
  const config =
    'config' in deps ? deps.config : (await deps.configs.load(scopeOf(board.location?.projectKey))).config;
  const snapshot = await loadPlanSnapshot(client, {
    site: request.site,
    boardId,
    sprint: request.sprint,
    config,
    board,
  });
  const plan = buildPlan(snapshot, config);

  const windowDays = historyDays + (backtestSprints > 0 ? BACKTEST_EXTRA_DAYS : 0);
  const cacheKey: HistoryCacheKey | undefined = deps.history && {
    accountId: deps.history.accountId,
    boardId,
    windowDays,
    asOfDay: asOf.toISOString().slice(0, 10),
    configFingerprint: configFingerprint(config, plan.scope.sprintId),
  };
  let cached = cacheKey && !request.refreshHistory ? await deps.history!.cache.get(cacheKey) : null;
  if (!cached) {
    const background = deps.history?.background;
    if (background && cacheKey) {
      const pending: ForecastPending | null = await askForBackgroundRead(background, client, {
        key: cacheKey,
        projectKey: board.location?.projectKey,
        site: request.site,
        sprintId: plan.scope.sprintId,
        asOf,
        now,
        retry: request.refreshHistory === true,
      });
      if (pending) return pending;
    }
    const loaded = await loadBoardHistory(client, {
      boardId,
      config,
      asOf,
      windowDays,
      sprintId: plan.scope.sprintId,
      board,
    });
    cached = { readAt: now.toISOString(), history: loaded.history, startedAt: [...loaded.startedAt] };
    if (cacheKey) await deps.history!.cache.set(cacheKey, cached);
  }

  const evidence = await readLabelingEvidence(client, plan, config);
  const view = buildForecast(
    {
      plan,
      dependencies: snapshot.dependencies,
      history: cached.history,
      startedAt: new Map(cached.startedAt),
      readAt: cached.readAt,
      config,
      evidence: evidence.histories,
    },
    {
      asOf: asOf.toISOString(),
      windowDays: historyDays,
      trials: request.trials ?? DEFAULT_TRIALS,
      seed: request.seed ?? plan.scope.sprintId >>> 0,
      whatIf: request.whatIf ?? NO_WHAT_IF,
      backtestSprints,
      backtestTrials: BACKTEST_TRIALS,
    },
  );
  return evidence.warning ? { ...view, warnings: [...view.warnings, evidence.warning] } : view;
}

/**
 * The evidence histories of the sprint's unfinished data-lane issues, for labeling in items per day. Evidence is
 * extra: when it cannot be read, the forecast goes on from the lanes' history and says so.
 */
async function readLabelingEvidence(
  client: JiraClient,
  plan: ReturnType<typeof buildPlan>,
  config: MlLanesConfig,
): Promise<{ histories: EvidenceRead['histories']; warning: string | null }> {
  if (!config.lanes.some((lane) => lane.id === DATA_LANE)) return { histories: new Map(), warning: null };
  const keys = labelingCandidates(plan).map((issue) => issue.key);
  try {
    const read = await readEvidenceHistories(client, keys);
    return {
      histories: read.histories,
      warning:
        read.unread.length > 0
          ? `Label Studio's counters were not read for ${read.unread.join(', ')}: forecast from the lane's history.`
          : null,
    };
  } catch (error) {
    if (!(error instanceof JiraError)) throw error;
    return {
      histories: new Map(),
      warning: `Label Studio's counters could not be read (${error.message}): the data lane is forecast from its history.`,
    };
  }
}

/** Which configuration a cached history was derived under: the lanes its issues fall in come from it. */
export function configFingerprint(config: MlLanesConfig, sprintId: number): string {
  return fingerprint({ config, sprintId });
}
