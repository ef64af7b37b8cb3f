/**
 * PlanView: the planning engine's answer for one sprint, as the CLI prints it (`--format json`)
 * and as the planning panel will render it. The one contract shared by every entry point and the UI.
 */
/** Jira's status category keys. `undefined` is a real Jira value (and what a hidden issue gets). */
export type StatusCategory = 'new' | 'indeterminate' | 'done' | 'undefined';

export type HandoffReason =
  'upstream-not-done' | 'upstream-not-started' | 'upstream-outside-sprint' | 'upstream-hidden' | 'cycle';

export interface DodItemView {
  id: string;
  label: string;
  kind: 'manual' | 'auto';
  met: boolean;
  /** What a person needs to know: the value against the rule, "not ticked", or that the field is missing. */
  detail: string;
}

export interface DodView {
  met: number;
  total: number;
  items: DodItemView[];
}

export interface IssueView {
  key: string;
  summary: string;
  issueType: string;
  lane: string | null;
  /** The rule that decided the lane, in words ("label \"lane:data\"", "no rule matched"). */
  laneRule: string;
  status: string;
  statusCategory: StatusCategory;
  storyPoints: number | null;
  inScope: boolean;
  hidden: boolean;
  /** Another sprint's name for an out-of-scope issue; null when in the backlog or unknown. */
  sprintName: string | null;
  /** True when some unfinished upstream work blocks this issue. */
  blocked: boolean;
  /**
   * The longest chain of unfinished upstream work ending at this issue, upstream first (excluding itself);
   * only its nearest 100 keys, so that long chains cannot blow up the response.
   */
  upstreamChain: string[];
  dod: DodView;
}

export interface HandoffView {
  /** Upstream issue key: must finish first. */
  from: string;
  /** Downstream issue key: waits on `from`. */
  to: string;
  fromLane: string | null;
  toLane: string | null;
  linkType: string;
  blocked: boolean;
  reasons: HandoffReason[];
}

export interface LaneView {
  id: string;
  name: string;
  color: string | null;
  /** In-scope issues in the lane, their story points, and those in progress. */
  issues: number;
  storyPoints: number;
  inProgress: number;
  capacity: number | null;
  wipLimit: number | null;
  overCapacity: boolean;
  overWipLimit: boolean;
  /** Definition of Done readiness of the lane's in-scope issues: items met of all items. */
  dodMet: number;
  dodTotal: number;
}

export interface PlanSummary {
  issues: number;
  classified: number;
  handoffs: number;
  blockedHandoffs: number;
  dodMet: number;
  dodTotal: number;
}

export interface PlanScope {
  site: string;
  boardId: number;
  boardName: string;
  sprintId: number;
  sprintName: string;
  sprintState: 'active' | 'future' | 'closed';
  sprintGoal: string | null;
  startDate: string | null;
  endDate: string | null;
}

export interface PlanView {
  scope: PlanScope;
  lanes: LaneView[];
  issues: IssueView[];
  handoffs: HandoffView[];
  /** The sprint's longest chain of unfinished dependencies, upstream first. */
  criticalChain: string[];
  /** Dependency cycles found (each a list of keys); their edges carry the `cycle` reason. */
  cycles: string[][];
  summary: PlanSummary;
  /** What could not be read from Jira in time; empty when the plan is complete. */
  warnings: string[];
}
