import { doneGate } from '../resolvers/issue/issue-panel';
import { loadIssueContext } from '../resolvers/issue/load-issue';
import { JiraClient } from '../jira/client';
import type { ConfigRepository } from '../storage/config-repository';
import { forgeJiraAsApp } from './jira-as-user';

/**
 * The Done-transition gate, as a Forge *function* validator rather than a Jira expression: the Definition of
 * Done lives in the app's storage (per lane, per project), and its automatic items find fields by display name
 * and read percentages either way; a Jira expression sees neither the app's storage nor that logic, so it would
 * need a second copy of both, kept in step by hand. Jira runs validators without a user, so this reads as the app,
 * and only reads.
 */
export function createDoneGate(configs: ConfigRepository) {
  return async (event: { issue?: { key?: string } }): Promise<{ result: boolean; errorMessage?: string }> => {
    const key = event.issue?.key;
    // Nothing to judge: never block a transition the gate cannot read.
    if (!key) return { result: true };
    const client = new JiraClient(forgeJiraAsApp(), { deadline: Date.now() + 8_000 });
    const check = doneGate(await loadIssueContext(client, configs, key));
    return check.allowed ? { result: true } : { result: false, errorMessage: check.message };
  };
}
