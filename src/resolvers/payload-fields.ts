import { z } from 'zod';

/**
 * The Jira names and ids resolver payloads carry, bounded before anything reaches Jira: a malformed one is a
 * `bad-request` naming the field, never a request Jira answers with an error.
 */

/** Jira board and sprint ids are positive whole numbers; the module context may send them as text. */
export const jiraIdSchema = z
  .union([z.number(), z.string().max(16, 'expected a numeric id')], 'expected a numeric id')
  .transform((value, context) => {
    const id = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : NaN;
    if (Number.isSafeInteger(id) && id > 0) return id;
    context.addIssue({ code: 'custom', message: 'expected a numeric id', input: value });
    return z.NEVER;
  });

/** A project key as Jira writes them (CV, REC, ML_OPS). */
export const projectKeySchema = z
  .string()
  .max(255, 'a project key has at most 255 characters')
  .regex(/^[A-Z][A-Z0-9_]*$/, 'expected a project key such as "CV"');

/** An issue key: its project's key, a dash and a number. */
export const issueKeySchema = z
  .string()
  .max(272, 'an issue key has at most 272 characters')
  .regex(/^[A-Z][A-Z0-9_]*-\d{1,15}$/, 'expected an issue key such as "CV-101"');

/** A lane id (checked against the configuration's lanes by the resolver). */
export const laneIdSchema = z.string().min(1, 'name a lane').max(32, 'a lane id has at most 32 characters');

/** A Definition-of-Done item id (checked against the lane's template by the resolver). */
export const dodItemIdSchema = z
  .string()
  .min(1, 'name an item')
  .max(48, 'an item id has at most 48 characters');
