import { z } from 'zod';

/** Payload schemas of the admin resolvers: strict, so a typo is an error rather than silently ignored. */
const projectKey = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]*$/, 'expected a project key')
  .optional();
const revision = z.number().int().nonnegative();

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
  projectKey: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  baseRevision: revision,
});
export const previewPayload = z
  .strictObject({
    config: z.unknown(),
    projectKey,
    boardId: z.number().int().positive().optional(),
    sprintId: z.number().int().positive().optional(),
    jql: z.string().trim().min(1).max(2000).optional(),
  })
  .refine((payload) => payload.jql !== undefined || payload.boardId !== undefined, {
    message: 'pick a board (and sprint) or type a JQL query',
    path: ['boardId'],
  });
