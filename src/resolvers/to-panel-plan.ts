import type { PanelPlan } from '../contract/panel-plan';
import type { PlanView } from '../contract/plan-view';

/** The PlanView without what the panel never shows (per-issue chains, met DoD items), to keep responses small. */
export function toPanelPlan(plan: PlanView): PanelPlan {
  return {
    scope: plan.scope,
    lanes: plan.lanes,
    issues: plan.issues.map(({ upstreamChain, dod, ...issue }) => ({
      ...issue,
      dodMet: dod.met,
      dodTotal: dod.total,
      dodUnmet: dod.items.filter((item) => !item.met).map(({ label, detail }) => ({ label, detail })),
    })),
    handoffs: plan.handoffs,
    criticalChain: plan.criticalChain,
    cycles: plan.cycles,
    summary: plan.summary,
    warnings: plan.warnings,
  };
}
