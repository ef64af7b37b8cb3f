import { doneGate } from '../resolvers/issue/issue-panel';
import { loadIssueContext } from '../resolvers/issue/load-issue';
import { JiraClient } from '../jira/client';
import type { JiraRequest } from '../jira/seam';
import type { ConfigRepository } from '../storage/config-repository';
import { forgeJiraAsApp } from './jira-as-user';

/**
 * The Done-transition gate, as a Forge *function* validator rather than a Jira expression: the Definition of
 * Done lives in the app's storage (per lane, per project), and its automatic items find fields by display name
 * and read percentages either way; a Jira expression sees neither the app's storage nor that logic, so it would
 * need a second copy of both, kept in step by hand. Jira runs validators without a user, so this reads as the app,
 * and only reads.
 *
 * It fails open: when it cannot decide (Jira slow or down, a damaged issue), the transition goes ahead and the
 * error is logged, so an ML Lanes problem never stops a team's workflow.
 */
export function createDoneGate(configs: ConfigRepository, jira: () => JiraRequest = forgeJiraAsApp) {
  return async (event: { issue?: { key?: string } }): Promise<{ result: boolean; errorMessage?: string }> => {
    const key = event.issue?.key;
    if (!key) return { result: true };
    try {
      // Most sites enforce nothing: answer without asking Jira at all.
      const { config } = await configs.load({ projectKey: key.replace(/-\d+$/, '') });
      if (!Object.values(config.dod).some((template) => template.enforce)) return { result: true };
      const client = new JiraClient(jira(), { deadline: Date.now() + 8_000 });
      const check = doneGate(await loadIssueContext(client, configs, key));
      return check.allowed ? { result: true } : { result: false, errorMessage: check.message };
    } catch (error) {
      console.error(
        `ML Lanes could not check the Definition of Done of ${key}; letting the transition through`,
        error,
      );
      return { result: true };
    }
  };
}
