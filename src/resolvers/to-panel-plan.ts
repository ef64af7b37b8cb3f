import type { PanelPlan } from '../contract/panel-plan';
import type { PlanView } from '../contract/plan-view';

/** The PlanView without what the panel never shows (per-issue chains, met DoD items), to keep responses small. */
export function toPanelPlan(plan: PlanView): PanelPlan {
  return {
    scope: plan.scope,
    lanes: plan.lanes,
    issues: plan.issues.map((issue) => ({
      key: issue.key,
      summary: issue.summary,
      issueType: issue.issueType,
      lane: issue.lane,
      laneRule: issue.laneRule,
      status: issue.status,
      statusCategory: issue.statusCategory,
      storyPoints: issue.storyPoints,
      inScope: issue.inScope,
      hidden: issue.hidden,
      sprintName: issue.sprintName,
      blocked: issue.blocked,
      dodMet: issue.dod.met,
      dodTotal: issue.dod.total,
      dodUnmet: issue.dod.items.filter((item) => !item.met).map(({ label, detail }) => ({ label, detail })),
    })),
    handoffs: plan.handoffs,
    criticalChain: plan.criticalChain,
    cycles: plan.cycles,
    summary: plan.summary,
    warnings: plan.warnings,
  };
}
