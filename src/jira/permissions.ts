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
