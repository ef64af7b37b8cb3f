import { z } from 'zod';
import { projectKeySchema } from '../jira/projects';

/**
 * The parts of a Forge resolver request ML Lanes reads. `context.extension` comes from the module the panel
 * was opened in: its ids are validated here, and Jira (asked as the user) decides what they may see. Nothing in
 * it is used to authorize: admin rights are asked of Jira.
 */
const idSchema = z.union([z.number(), z.string().regex(/^\d+$/, 'expected a numeric id')]).transform(Number);

export const forgeContextSchema = z.looseObject({
  accountId: z.string().optional(),
  siteUrl: z.string().optional(),
  extension: z
    .looseObject({
      type: z.string().optional(),
      board: z.looseObject({ id: idSchema }).optional(),
      sprint: z.looseObject({ id: idSchema }).optional(),
      project: z.looseObject({ key: projectKeySchema.optional() }).optional(),
      issue: z.looseObject({ key: z.string().optional() }).optional(),
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
    boardId: idSchema.optional(),
    sprintId: z.union([idSchema, z.literal('active'), z.literal('next')]).optional(),
  })
  .default({});

export const listBoardsPayloadSchema = z
  .strictObject({
    projectKey: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]*$/, 'expected a project key')
      .optional(),
  })
  .default({});
