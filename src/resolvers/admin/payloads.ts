import { z } from 'zod';
import { jiraIdSchema, projectKeySchema } from '../payload-fields';

/** Payload schemas of the admin resolvers: strict, so a typo is an error rather than silently ignored. */
const projectKey = projectKeySchema.optional();
const revision = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const scopePayload = z.strictObject({ projectKey }).default({});
export const catalogPayload = scopePayload;
export const savePayload = z.strictObject({ projectKey, config: z.unknown(), baseRevision: revision });
export const importPayload = z.strictObject({
  projectKey,
  text: z.string().max(240 * 1024, 'the file is larger than ML Lanes can store (240 KB)'),
  baseRevision: revision,
});
export const restorePayload = z.strictObject({
  projectKey,
  revision: revision.min(1),
  baseRevision: revision,
});
export const resetPayload = z.strictObject({
  projectKey: projectKeySchema,
  baseRevision: revision,
});
export const validatePayload = z.strictObject({ config: z.unknown() });
export const previewPayload = z
  .strictObject({
    config: z.unknown(),
    projectKey,
    boardId: jiraIdSchema.optional(),
    sprintId: jiraIdSchema.optional(),
    jql: z.string().trim().min(1).max(2000).optional(),
  })
  .refine((payload) => payload.jql !== undefined || payload.boardId !== undefined, {
    message: 'pick a board (and sprint) or type a JQL query',
    path: ['boardId'],
  });
export const boardSetupPayload = z.strictObject({ boardId: jiraIdSchema });
export const reindexPayload = z.strictObject({}).default({});
