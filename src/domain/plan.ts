import type { MlLanesConfig } from '../config/schema';
import type { IssueView, PlanScope, PlanView } from '../contract/plan-view';
import { laneLoads } from './capacity';
import { dodEvaluator } from './dod';
import { analyseDependencies } from './graph';
import { blockedIssues, describeHandoffs } from './handoffs';
import { classifyIssues } from './lanes';
import type { IssueSnapshot, PlanSnapshot } from './snapshot';

/** The planning engine: one sprint's snapshot and the configuration in, the PlanView out. Pure. */
export function buildPlan(snapshot: PlanSnapshot, config: MlLanesConfig): PlanView {
  const issues = sprintFirst(snapshot.issues);
  const byKey = new Map(issues.map((issue) => [issue.key, issue]));
  const lanes = classifyIssues(issues, config, snapshot.siteFields);
  const laneOf = (key: string) => lanes.get(key)?.lane ?? null;
  const dependencies = analyseDependencies(byKey, snapshot.dependencies);
  const blocked = blockedIssues(dependencies.edges);
  const dodOf = dodEvaluator(config, snapshot.siteFields);

  const issueViews = issues.map((issue): IssueView => {
    const { lane, laneRule } = lanes.get(issue.key) ?? { lane: null, laneRule: '' };
    return {
      key: issue.key,
      // Summaries are data: passed through untouched, escaping is the renderer's job.
      summary: issue.summary,
      issueType: issue.issueType,
      lane,
      laneRule,
      status: issue.status,
      statusCategory: issue.statusCategory,
      storyPoints: issue.storyPoints,
      inScope: issue.inScope,
      hidden: issue.hidden,
      sprintName: issue.sprintName,
      blocked: blocked.has(issue.key),
      upstreamChain: dependencies.upstreamChains.get(issue.key) ?? [],
      dod: dodOf(issue, lane),
    };
  });
  const dodByKey = new Map(issueViews.map((issue) => [issue.key, issue.dod]));
  const handoffs = describeHandoffs(dependencies.edges, byKey, laneOf);
  const inScope = issueViews.filter((issue) => issue.inScope);

  return {
    scope: scopeOf(snapshot),
    lanes: laneLoads(config, issues, laneOf, (key) => dodByKey.get(key) ?? { met: 0, total: 0 }),
    issues: issueViews,
    handoffs,
    criticalChain: dependencies.criticalChain,
    cycles: dependencies.cycles,
    summary: {
      issues: inScope.length,
      classified: inScope.filter((issue) => issue.lane !== null).length,
      handoffs: handoffs.length,
      blockedHandoffs: handoffs.filter((handoff) => handoff.blocked).length,
      dodMet: inScope.reduce((sum, issue) => sum + issue.dod.met, 0),
      dodTotal: inScope.reduce((sum, issue) => sum + issue.dod.total, 0),
    },
    warnings: snapshot.warnings,
  };
}

/** Sprint issues first, then linked ones, in snapshot order; a repeated key keeps its first copy. */
function sprintFirst(issues: readonly IssueSnapshot[]): IssueSnapshot[] {
  const unique = new Map<string, IssueSnapshot>();
  for (const issue of issues) if (!unique.has(issue.key)) unique.set(issue.key, issue);
  const all = [...unique.values()];
  return [...all.filter((issue) => issue.inScope), ...all.filter((issue) => !issue.inScope)];
}

function scopeOf({ site, board, sprint }: PlanSnapshot): PlanScope {
  return {
    site,
    boardId: board.id,
    boardName: board.name,
    sprintId: sprint.id,
    sprintName: sprint.name,
    sprintState: sprint.state,
    sprintGoal: sprint.goal,
    startDate: sprint.startDate,
    endDate: sprint.endDate,
  };
}
