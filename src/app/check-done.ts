import type { DoneTransitionCheck } from '../contract/issue-api';
import { doneAllowed, doneGate, enforcesAnyDod } from '../domain/done-gate';
import { projectKeyOf } from '../domain/issue-key';
import type { JiraClient } from '../jira/client';
import type { ConfigRepository } from '../storage/config-repository';
import { loadIssueContext, type IssueReadDeps } from './issue-context';

/**
 * What the Done-transition gate would say now, for someone looking at the issue: read as them, so an issue they
 * cannot see is "not found" rather than a verdict.
 */
export async function checkDone(deps: IssueReadDeps, issueKey: string): Promise<DoneTransitionCheck> {
  const context = await loadIssueContext(deps, issueKey);
  return doneGate(context.issue, context.config);
}

export interface DoneValidatorDeps {
  configs: ConfigRepository;
  /** Jira as the app (validators run without a user), made only once there is something to check. */
  jira: () => JiraClient;
  /** Told why the gate could not decide; the transition goes ahead regardless. */
  onUndecided: (error: unknown) => void;
}

/**
 * The gate as Jira's workflow validator runs it. Most sites enforce nothing: then it answers without asking Jira.
 * It fails open: when it cannot decide (Jira slow or down, a damaged issue, storage unreadable), Done is allowed
 * and `onUndecided` told why, so an ML Lanes problem never stops a team's workflow.
 */
export async function validateDoneTransition(
  deps: DoneValidatorDeps,
  issueKey: string,
): Promise<DoneTransitionCheck> {
  try {
    const { config } = await deps.configs.load({ projectKey: projectKeyOf(issueKey) });
    if (!enforcesAnyDod(config)) return doneAllowed();
    const context = await loadIssueContext({ client: deps.jira(), configs: deps.configs }, issueKey, config);
    return doneGate(context.issue, context.config);
  } catch (error) {
    deps.onUndecided(error);
    return doneAllowed();
  }
}
