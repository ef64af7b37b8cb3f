import type { JiraClient } from '../jira/client';
import { isJiraAdmin } from '../jira/permissions';
import { assertProjectVisible } from '../jira/projects';
import { NotAdminError } from '../errors';

/**
 * Changing the configuration or the connections, trying an unsaved configuration, re-indexing: for Jira
 * administrators (asked of Jira as the caller). `message` says what the caller was refused.
 */
export async function requireJiraAdmin(
  client: JiraClient,
  message = 'Only Jira administrators can change the ML Lanes configuration.',
): Promise<void> {
  if (!(await isJiraAdmin(client))) throw new NotAdminError(message);
}

/** A project's configuration is only for people Jira shows that project to. */
export async function checkProjectVisible(client: JiraClient, projectKey: string | undefined): Promise<void> {
  if (projectKey) await assertProjectVisible(client, projectKey);
}
