import { validateDoneTransition } from '../app/check-done';
import { JiraClient } from '../jira/client';
import type { JiraRequest } from '../jira/seam';
import type { ConfigRepository } from '../storage/config-repository';
import { forgeJiraAsApp } from './jira-as-user';

/** Someone is waiting on the transition: past this the gate stops reading Jira and lets it through. */
const GATE_BUDGET_MS = 8_000;

/**
 * The Done-transition gate, as a Forge *function* validator rather than a Jira expression: the Definition of
 * Done lives in the app's storage (per lane, per project), and its automatic items find fields by display name
 * and read percentages either way; a Jira expression sees neither the app's storage nor that logic, so it would
 * need a second copy of both, kept in step by hand. Jira runs validators without a user, so this reads as the app,
 * and only reads. The rule and its fail-open policy live in src/app/check-done.ts; this only adapts Jira's event
 * and answer.
 */
export function createDoneGate(configs: ConfigRepository, jira: () => JiraRequest = forgeJiraAsApp) {
  return async (event: { issue?: { key?: string } }): Promise<{ result: boolean; errorMessage?: string }> => {
    const key = event.issue?.key;
    if (!key) return { result: true };
    const check = await validateDoneTransition(
      {
        configs,
        jira: () => new JiraClient(jira(), { deadline: Date.now() + GATE_BUDGET_MS }),
        onUndecided: (error) =>
          console.error(
            `ML Lanes could not check the Definition of Done of ${key}; letting the transition through`,
            error,
          ),
      },
      key,
    );
    return check.allowed ? { result: true } : { result: false, errorMessage: check.message };
  };
}
