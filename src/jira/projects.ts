import { z } from 'zod';
import type { JiraClient } from './client';
import { JiraError } from '../errors';

/** A project key as Jira writes them (CV, REC, ML_OPS): the one schema every payload uses. */
export const projectKeySchema = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'expected a project key such as "CV"');

const projectSchema = z.object({ key: z.string(), name: z.string() });

/** Fails unless Jira shows the user this project: project configurations are only for those who see it. */
export async function assertProjectVisible(client: JiraClient, projectKey: string): Promise<void> {
  try {
    await client.call(
      'GET /rest/api/3/project/{projectIdOrKey}',
      'GET',
      `/rest/api/3/project/${encodeURIComponent(projectKey)}`,
      projectSchema,
    );
  } catch (error) {
    if (error instanceof JiraError && error.code === 'not-found') {
      throw new JiraError(
        'not-found',
        `project ${projectKey} not found (or you cannot see it)`,
        error.status,
        error.endpoint,
      );
    }
    throw error;
  }
}
