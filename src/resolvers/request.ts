import { z } from 'zod';
import { issueKeySchema, jiraIdSchema, projectKeySchema } from './payload-fields';

/**
 * The parts of a Forge resolver request ML Lanes reads. `context.extension` comes from the module the panel
 * was opened in: its ids are validated here, and Jira (asked as the user) decides what they may see. Nothing in
 * it is used to authorize: admin rights are asked of Jira.
 */
export const forgeContextSchema = z.looseObject({
  accountId: z.string().optional(),
  siteUrl: z.string().optional(),
  extension: z
    .looseObject({
      type: z.string().optional(),
      board: z.looseObject({ id: jiraIdSchema }).optional(),
      sprint: z.looseObject({ id: jiraIdSchema }).optional(),
      project: z.looseObject({ key: projectKeySchema.optional() }).optional(),
      issue: z.looseObject({ key: issueKeySchema.optional() }).optional(),
    })
    .default({}),
});

export type ForgeContext = z.infer<typeof forgeContextSchema>;

export interface ResolverRequest {
  payload?: unknown;
  context?: unknown;
}

export const getPlanPayloadSchema = z
  .strictObject({
    boardId: jiraIdSchema.optional(),
    sprintId: z.union([jiraIdSchema, z.literal('active'), z.literal('next')]).optional(),
  })
  .default({});

export const listBoardsPayloadSchema = z
  .strictObject({
    projectKey: projectKeySchema.optional(),
  })
  .default({});
