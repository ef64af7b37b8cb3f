import type { MlLanesConfig } from '../config/schema';
import type { DoneTransitionCheck } from '../contract/issue-api';
import type { IssueView } from '../contract/plan-view';

/** Whether the lane refuses Done while its Definition of Done is unmet; an issue with no lane never is. */
export function isDodEnforced(config: MlLanesConfig, lane: string | null): boolean {
  return lane !== null && config.dod[lane]?.enforce === true;
}

/** Whether any lane enforces its Definition of Done: when none does, the gate has nothing to check. */
export function enforcesAnyDod(config: MlLanesConfig): boolean {
  return Object.values(config.dod).some((template) => template.enforce);
}

/** Done allowed: what the gate answers when nothing applies (a new object each time: callers may change it). */
export function doneAllowed(): DoneTransitionCheck {
  return { allowed: true, message: '', unmet: [] };
}

/**
 * The Done-transition gate, for an issue already planned (its `dod` evaluated): refuses while a required item is
 * unmet, but only where the lane enforces its Definition of Done. An issue with no lane, or in a lane without
 * enforcement, is never blocked.
 */
export function doneGate(issue: IssueView, config: MlLanesConfig): DoneTransitionCheck {
  if (!isDodEnforced(config, issue.lane)) return doneAllowed();
  const unmet = issue.dod.items.filter((item) => !item.met).map((item) => `${item.label} (${item.detail})`);
  if (unmet.length === 0) return doneAllowed();
  const laneName = config.lanes.find((lane) => lane.id === issue.lane)?.name ?? issue.lane;
  return {
    allowed: false,
    message: `${issue.key} cannot be Done yet: the ${laneName} Definition of Done is not met: ${unmet.join('; ')}.`,
    unmet,
  };
}
