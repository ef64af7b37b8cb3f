import { z } from 'zod';
import { issueKeySchema, jiraIdSchema, laneIdSchema, projectKeySchema } from './payload-fields';

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

/** A lane's throughput in a what-if, as a share of its history: 0 (stopped) to 2 (doubled). */
const throughputShareSchema = z
  .number('expected a share such as 0.5')
  .min(0, 'a throughput share is at least 0')
  .max(2, 'a throughput share is at most 2 (double the history)');

export const whatIfSchema = z.strictObject({
  excludedKeys: z.array(issueKeySchema).max(5000, 'at most 5,000 issues can be taken out of scope'),
  laneThroughput: z
    .record(laneIdSchema, throughputShareSchema)
    .refine((shares) => Object.keys(shares).length <= 32, 'at most 32 lanes'),
});

export const getForecastPayloadSchema = z
  .strictObject({
    boardId: jiraIdSchema.optional(),
    sprintId: z.union([jiraIdSchema, z.literal('active'), z.literal('next')]).optional(),
    whatIf: whatIfSchema.optional(),
    refreshHistory: z.boolean().optional(),
  })
  .default({});

export const listBoardsPayloadSchema = z
  .strictObject({
    projectKey: projectKeySchema.optional(),
  })
  .default({});
