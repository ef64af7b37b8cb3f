import { isJiraAdmin } from '../../jira/permissions';
import type { JiraClient } from '../../jira/client';
import { NotAdminError } from '../../errors';

export async function requireJiraAdmin(client: JiraClient): Promise<void> {
  if (!(await isJiraAdmin(client))) {
    throw new NotAdminError('Only Jira administrators can change the ML Lanes configuration.');
  }
}
