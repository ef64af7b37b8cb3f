import { isJiraAdmin } from '../../jira/permissions';
import type { JiraClient } from '../../jira/client';

/** Changing the configuration is for Jira administrators: asked of Jira as the caller, never taken from the UI. */
export class ForbiddenError extends Error {}

export async function requireJiraAdmin(client: JiraClient): Promise<void> {
  if (!(await isJiraAdmin(client))) {
    throw new ForbiddenError('Only Jira administrators can change the ML Lanes configuration.');
  }
}
