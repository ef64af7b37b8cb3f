/**
 * The issue panel's resolvers: an issue's lane (with a manual override), its handoffs, and its Definition of
 * Done checklist, whose manual items people tick here. Writes happen as the user, so Jira's own edit permission
 * decides who may tick or override.
 */
import type { HandoffReason, StatusCategory } from './plan-view';

export interface IssueHandoff {
  key: string;
  summary: string;
  lane: string | null;
  status: string;
  statusCategory: StatusCategory;
  hidden: boolean;
  /** For an upstream issue: it is not done, so this issue waits on it. For a downstream one: it waits on this. */
  blocked: boolean;
  reasons: HandoffReason[];
}

export interface IssueDodItem {
  id: string;
  label: string;
  kind: 'manual' | 'auto';
  met: boolean;
  /** "Inter-annotator agreement 0.97 — needs ≥ 0.98", "field … does not exist on this site", "ticked". */
  detail: string;
  /** For ticked manual items: who ticked it and when. */
  checkedBy: string | null;
  checkedAt: string | null;
}

export interface IssuePanelView {
  key: string;
  summary: string;
  lane: string | null;
  /** The rule that decided the lane, or "manual override". */
  laneRule: string;
  /** The lane someone chose by hand, or null when the rules decide. */
  override: string | null;
  lanes: { id: string; name: string; color: string | null }[];
  /** Whether the user may tick items and override the lane (Jira's Edit issues permission). */
  canEdit: boolean;
  upstream: IssueHandoff[];
  downstream: IssueHandoff[];
  dod: { met: number; total: number; enforced: boolean; items: IssueDodItem[] };
  /** What ML tools posted to this issue (the `ml-lanes-evidence` property); absent where no tool ever did. */
  evidence?: IssueEvidenceView;
}

/** A Definition of Done automatic item that reads a field an ML tool wrote ("ML holdout accuracy ≥ 0.9"). */
export interface EvidenceDodItem {
  id: string;
  label: string;
  met: boolean;
  /** The item's own words: "ML holdout accuracy 0.93 ≥ 0.9". */
  detail: string;
}

export interface EvidenceValueView {
  field: string;
  /** As Jira shows the field ("ML holdout accuracy"). */
  fieldName: string;
  value: number | string;
  /** False when a newer delivery (perhaps from another tool) has set the field since. */
  current: boolean;
  /** The automatic DoD items that read this field. */
  dodItems: EvidenceDodItem[];
}

/** The newest delivery of one ML tool to this issue. */
export interface EvidenceDeliveryView {
  tool: string;
  /** "MLflow", "Weights & Biases"… */
  toolName: string;
  /** The tool's event: "model_version.created", "ci.metrics"… */
  kind: string;
  /** "churn v3", "artifact dataset:v7", "project Cats (812/1000)". */
  subject: string | null;
  /** When the tool says it happened. */
  eventTime: string;
  /** Built from the admin's base URL for the tool; https only. */
  link: { label: string; url: string } | null;
  values: EvidenceValueView[];
  /** Label Studio's project counters at that time. */
  counters: { finishedTasks: number; totalTasks: number; annotations: number } | null;
}

export interface IssueEvidenceView {
  /** Newest first. */
  deliveries: EvidenceDeliveryView[];
  /** Why the evidence could not be read (the rest of the panel is unaffected); null when it was. */
  problem: string | null;
}

export interface DoneTransitionCheck {
  allowed: boolean;
  /** What Jira would show when refusing the transition (empty when allowed). */
  message: string;
  unmet: string[];
}

export interface IssueApi {
  /** `issueKey` defaults to the issue the panel is open on. */
  getIssuePanel: { payload: { issueKey?: string }; result: IssuePanelView };
  setDodItem: { payload: { issueKey?: string; itemId: string; checked: boolean }; result: IssuePanelView };
  setLaneOverride: { payload: { issueKey?: string; lane: string | null }; result: IssuePanelView };
  /** What the Done-transition gate would say now (the playground's "try the Done transition"). */
  checkDoneTransition: { payload: { issueKey?: string }; result: DoneTransitionCheck };
}

export const ISSUE_RESOLVER_KEYS = [
  'getIssuePanel',
  'setDodItem',
  'setLaneOverride',
  'checkDoneTransition',
] as const satisfies readonly (keyof IssueApi)[];
