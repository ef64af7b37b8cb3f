import type { MlLanesConfig } from '../config/schema';
import { sprintFirst } from './sprint-first';
import { dodEvaluator } from './dod';
import { analyseDependencies, isFinished } from './graph';
import { projectKeyOf } from './issue-key';
import { classifyInOrder } from './lanes';
import type { Dependency, IssueSnapshot, SiteField } from './snapshot';

/*
 * The values ML Lanes writes on each issue of the open sprints, for the board (custom fields) and JQL (the index
 * property). They are written as the app and shown to everyone who can see the field, so they hold only this
 * issue's own lane, counts and lane names: never another issue's key, summary or status.
 */

/** What the index reads: the open sprints' issues (`inScope`), their linked upstream issues (`inScope: false`). */
export interface BoardIndexInput {
  issues: readonly IssueSnapshot[];
  /** As the Jira adapter reads them (`readDependencies` with the configuration's link types), like the plan. */
  dependencies: readonly Dependency[];
  siteFields: readonly SiteField[];
}

export interface BoardIndexOptions {
  /** Count only upstream work in the issue's own project (a viewer may not see other projects' issues). */
  sameProjectOnly: boolean;
}

/** blocked: some upstream work is unfinished; ready: all of it is done; none: the issue has no upstream. */
export type HandoffState = 'blocked' | 'ready' | 'none';

/** The lane name said for upstream work in no lane (or whose lane we cannot know: hidden or missing). */
export const UNCLASSIFIED = 'Unclassified';
/** What a field shows when there is nothing to say. */
export const NOTHING = '—';

export interface IssueIndexValues {
  /** The lane's id, or null for an issue in no lane. */
  lane: string | null;
  laneName: string | null;
  handoff: HandoffState;
  /** Unfinished upstream issues. */
  waitingOn: number;
  /** The lanes of that unfinished upstream work, by name, in configuration order, `Unclassified` last. */
  waitingLanes: string[];
  dodMet: number;
  dodTotal: number;
  /** Every item met; an issue with nothing to meet is complete (as in the `ml-lanes-dod` summary). */
  dodComplete: boolean;
  /** The custom fields' display texts. */
  texts: { lane: string; handoff: string; dod: string };
  /** Changes exactly when a written value changes, so the writer can skip unchanged issues. */
  fingerprint: string;
  /**
   * What this issue contributes to its downstream issues' values (finished, lane, project). When it changes, its
   * downstream issues need recomputing (`downstreamAfterRecompute` in index-fanout.ts): a lane change comes
   * from labels, components, a summary, a parent… which no single event says.
   */
  asUpstream: string;
}

/**
 * The index values of each issue in the open sprints (`inScope`), by key, in input order. Linked issues outside
 * the sprints are read as upstream work only. An upstream key missing from `issues` counts as unfinished, in no
 * lane, like the plan (we cannot tell it is done); a hidden upstream likewise. Pure.
 */
export function computeBoardIndex(
  input: BoardIndexInput,
  config: MlLanesConfig,
  options: BoardIndexOptions,
): Map<string, IssueIndexValues> {
  const issues = sprintFirst(input.issues);
  const lanes = classifyInOrder(issues, config, input.siteFields);
  const dodOf = dodEvaluator(config, input.siteFields);
  const laneOf = new Map(issues.map((issue, at) => [issue.key, lanes[at]!.lane]));
  const byKey = new Map(issues.map((issue) => [issue.key, issue]));
  const laneNames = new Map(config.lanes.map((lane) => [lane.id, lane.name]));
  const laneRank = new Map(config.lanes.map((lane, rank) => [lane.name, rank]));

  // The plan's dependency rules: self-links and repeats dropped, only dependencies touching the sprints.
  const upstreamOf = new Map<string, string[]>();
  for (const edge of analyseDependencies(issues, input.dependencies).edges) {
    const list = upstreamOf.get(edge.downstream);
    if (list) list.push(edge.upstream);
    else upstreamOf.set(edge.downstream, [edge.upstream]);
  }

  const result = new Map<string, IssueIndexValues>();
  issues.forEach((issue, at) => {
    if (!issue.inScope || issue.hidden) return;
    const lane = lanes[at]!.lane;
    const laneName = lane === null ? null : (laneNames.get(lane) ?? null);
    const upstream = (upstreamOf.get(issue.key) ?? []).filter(
      (key) => !options.sameProjectOnly || projectOf(key, byKey.get(key)) === issue.projectKey,
    );
    const unfinished = upstream.filter((key) => !isFinished(byKey.get(key)));
    const waitingLanes = [
      ...new Set(unfinished.map((key) => nameOf(laneOf.get(key) ?? null, laneNames))),
    ].sort((a, b) => (laneRank.get(a) ?? Infinity) - (laneRank.get(b) ?? Infinity));
    const handoff: HandoffState =
      upstream.length === 0 ? 'none' : unfinished.length > 0 ? 'blocked' : 'ready';
    const { met, total } = dodOf(issue, lane);
    result.set(
      issue.key,
      withTexts({
        lane,
        laneName,
        handoff,
        waitingOn: unfinished.length,
        waitingLanes,
        dodMet: met,
        dodTotal: total,
        dodComplete: met === total,
        asUpstream: JSON.stringify([isFinished(issue), lane, issue.projectKey]),
      }),
    );
  });
  return result;
}

/**
 * The issue property JQL searches (design: `ml-lanes-state`), written as the app beside the fields. Yes/no are
 * strings: entity-property indexes have no boolean type. The lane is its id ("" for none), as in `ml-lanes-dod`.
 */
export interface IndexProperty {
  lane: string;
  handoff: HandoffState;
  blocked: 'yes' | 'no';
  waitingOn: number;
  dodMet: number;
  dodTotal: number;
  dodComplete: 'yes' | 'no';
}

/** The property for an issue's values; the fingerprint covers it (every part comes from a fingerprinted value). */
export function indexProperty(values: IssueIndexValues): IndexProperty {
  return {
    lane: values.lane ?? '',
    handoff: values.handoff,
    blocked: values.handoff === 'blocked' ? 'yes' : 'no',
    waitingOn: values.waitingOn,
    dodMet: values.dodMet,
    dodTotal: values.dodTotal,
    dodComplete: values.dodComplete ? 'yes' : 'no',
  };
}

type Computed = Omit<IssueIndexValues, 'texts' | 'fingerprint'>;

function withTexts(values: Computed): IssueIndexValues {
  const texts = {
    lane: values.laneName ?? NOTHING,
    handoff: handoffText(values),
    dod: values.dodTotal > 0 ? `${values.dodMet}/${values.dodTotal}` : NOTHING,
  };
  return { ...values, texts, fingerprint: fingerprintOf(values, texts) };
}

/** "Blocked · waits on 2: Data, Code", "Ready" or "—". */
export function handoffText(
  values: Pick<IssueIndexValues, 'handoff' | 'waitingOn' | 'waitingLanes'>,
): string {
  switch (values.handoff) {
    case 'blocked':
      return `Blocked · waits on ${values.waitingOn}: ${values.waitingLanes.join(', ')}`;
    case 'ready':
      return 'Ready';
    case 'none':
      return NOTHING;
  }
}

/** Everything written, in a fixed order; the texts cover the lane name and waiting lanes. */
function fingerprintOf(values: Computed, texts: IssueIndexValues['texts']): string {
  const { lane, handoff, waitingOn, dodMet, dodTotal, dodComplete } = values;
  return JSON.stringify([
    1,
    lane,
    handoff,
    waitingOn,
    dodMet,
    dodTotal,
    dodComplete,
    texts.lane,
    texts.handoff,
    texts.dod,
  ]);
}

function nameOf(lane: string | null, laneNames: ReadonlyMap<string, string>): string {
  return (lane === null ? undefined : laneNames.get(lane)) ?? UNCLASSIFIED;
}

/** A missing upstream's project is read from its key (Jira keeps keys in step with projects). */
function projectOf(key: string, issue: IssueSnapshot | undefined): string {
  return issue?.projectKey ?? projectKeyOf(key);
}
