/**
 * PanelPlan: the PlanView trimmed to what the planning panel shows, so that a 1,000-issue sprint stays far
 * below Forge's invoke payload limit. Produced by the `getPlan` resolver.
 */
import type { HandoffView, IssueView, LaneView, PlanScope, PlanSummary } from './plan-view';

export interface PanelDodItem {
  label: string;
  detail: string;
}

/** An issue as PlanView has it, without the per-issue chain and with the Definition of Done condensed. */
export interface PanelIssue extends Omit<IssueView, 'upstreamChain' | 'dod'> {
  /** Definition of Done: items met of total, and the unmet ones spelled out. */
  dodMet: number;
  dodTotal: number;
  dodUnmet: PanelDodItem[];
}

export interface PanelPlan {
  scope: PlanScope;
  lanes: LaneView[];
  issues: PanelIssue[];
  handoffs: HandoffView[];
  criticalChain: string[];
  cycles: string[][];
  summary: PlanSummary;
  /** What could not be loaded (e.g. Forge's time limit hit before every linked issue arrived). */
  warnings: string[];
}
