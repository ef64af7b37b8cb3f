import type { JiraClient } from '../jira/client';
import { isJiraAdmin } from '../jira/permissions';
import { assertProjectVisible } from '../jira/projects';
import { NotAdminError } from '../errors';

/** Changing the configuration, or trying an unsaved one, is for Jira administrators (asked of Jira as the caller). */
export async function requireJiraAdmin(client: JiraClient): Promise<void> {
  if (!(await isJiraAdmin(client))) {
    throw new NotAdminError('Only Jira administrators can change the ML Lanes configuration.');
  }
}

/** A project's configuration is only for people Jira shows that project to. */
export async function checkProjectVisible(client: JiraClient, projectKey: string | undefined): Promise<void> {
  if (projectKey) await assertProjectVisible(client, projectKey);
}
