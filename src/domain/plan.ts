import type { MlLanesConfig } from '../config/schema';
import type { IssueView, PlanScope, PlanView } from '../contract/plan-view';
import { laneLoads } from './capacity';
import { dodEvaluator } from './dod';
import { analyseDependencies } from './graph';
import { blockedIssues, describeHandoffs } from './handoffs';
import { classifyInOrder } from './lanes';
import type { PlanSnapshot } from './snapshot';
import { sprintFirst } from './sprint-first';

/** The planning engine: one sprint's snapshot and the configuration in, the PlanView out. Pure. */
export function buildPlan(snapshot: PlanSnapshot, config: MlLanesConfig): PlanView {
  const issues = sprintFirst(snapshot.issues);
  const lanes = classifyInOrder(issues, config, snapshot.siteFields);
  const dependencies = analyseDependencies(issues, snapshot.dependencies);
  const blocked = blockedIssues(dependencies.edges);
  const dodOf = dodEvaluator(config, snapshot.siteFields);

  const issueViews = issues.map((issue, at): IssueView => {
    const { lane, laneRule } = lanes[at]!;
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
  // Each view holds all a handoff needs of its ends (lane, status, hidden): one look-up per end. Filled in a
  // loop, not from [key, view] pairs: 20,000 fewer short-lived arrays.
  const viewByKey = new Map<string, IssueView>();
  for (const view of issueViews) viewByKey.set(view.key, view);
  const handoffs = describeHandoffs(dependencies.edges, (key) => viewByKey.get(key));

  let issueCount = 0;
  let classified = 0;
  let dodMet = 0;
  let dodTotal = 0;
  for (const view of issueViews) {
    if (!view.inScope) continue;
    issueCount++;
    if (view.lane !== null) classified++;
    dodMet += view.dod.met;
    dodTotal += view.dod.total;
  }
  return {
    scope: scopeOf(snapshot),
    lanes: laneLoads(config, issueViews),
    issues: issueViews,
    handoffs,
    criticalChain: dependencies.criticalChain,
    cycles: dependencies.cycles,
    summary: {
      issues: issueCount,
      classified,
      handoffs: handoffs.length,
      blockedHandoffs: handoffs.filter((handoff) => handoff.blocked).length,
      dodMet,
      dodTotal,
    },
    warnings: snapshot.warnings,
  };
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
