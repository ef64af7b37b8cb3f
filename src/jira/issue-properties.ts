import { z } from 'zod';
import type { JiraClient } from './client';
import { JiraError } from '../errors';

const propertySchema = z.object({ key: z.string(), value: z.unknown() });

/** An issue property's value as the user reads it, or undefined when it was never set. */
export async function readIssueProperty(
  client: JiraClient,
  issueKey: string,
  propertyKey: string,
): Promise<unknown> {
  try {
    const property = await client.call(
      'GET /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
      'GET',
      `/rest/api/3/issue/${encodeURIComponent(issueKey)}/properties/${encodeURIComponent(propertyKey)}`,
      propertySchema,
    );
    return property.value;
  } catch (error) {
    if (error instanceof JiraError && error.code === 'not-found') return undefined;
    throw error;
  }
}

/** Writes an issue property as the user: Jira allows it exactly to those who may edit the issue. */
export async function writeIssueProperty(
  client: JiraClient,
  issueKey: string,
  propertyKey: string,
  value: unknown,
): Promise<void> {
  await client.send(
    'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    'PUT',
    `/rest/api/3/issue/${encodeURIComponent(issueKey)}/properties/${encodeURIComponent(propertyKey)}`,
    value,
  );
}
