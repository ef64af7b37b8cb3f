import { z } from 'zod';
import type { JiraClient } from './client';

const myPermissionsSchema = z.object({
  permissions: z.object({ ADMINISTER: z.object({ havePermission: z.boolean() }) }),
});

/** Whether the user (as the seam authenticates) holds Jira's global ADMINISTER permission. */
export async function isJiraAdmin(client: JiraClient): Promise<boolean> {
  const answer = await client.call(
    'GET /rest/api/3/mypermissions',
    'GET',
    '/rest/api/3/mypermissions?permissions=ADMINISTER',
    myPermissionsSchema,
  );
  return answer.permissions.ADMINISTER.havePermission;
}

const editSchema = z.object({
  permissions: z.object({ EDIT_ISSUES: z.object({ havePermission: z.boolean() }) }),
});

/** Whether the user may edit this issue (and so tick its checklist): Jira decides, per issue. */
export async function canEditIssue(client: JiraClient, issueKey: string): Promise<boolean> {
  const answer = await client.call(
    'GET /rest/api/3/mypermissions',
    'GET',
    `/rest/api/3/mypermissions?issueKey=${encodeURIComponent(issueKey)}&permissions=EDIT_ISSUES`,
    editSchema,
  );
  return answer.permissions.EDIT_ISSUES.havePermission;
}
