import { z } from 'zod';
import type { PlanView } from '../../src/contract/plan-view';

/** A runtime check of the PlanView contract, pinned to the TypeScript type below so the two cannot drift. */
const statusCategory = z.enum(['new', 'indeterminate', 'done', 'undefined']);
const reason = z.enum([
  'upstream-not-done',
  'upstream-not-started',
  'upstream-outside-sprint',
  'upstream-hidden',
  'cycle',
]);

export const planViewSchema = z.strictObject({
  scope: z.strictObject({
    site: z.string(),
    boardId: z.number(),
    boardName: z.string(),
    sprintId: z.number(),
    sprintName: z.string(),
    sprintState: z.enum(['active', 'future', 'closed']),
    sprintGoal: z.string().nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
  }),
  lanes: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      color: z.string().nullable(),
      issues: z.number(),
      storyPoints: z.number(),
      inProgress: z.number(),
      capacity: z.number().nullable(),
      wipLimit: z.number().nullable(),
      overCapacity: z.boolean(),
      overWipLimit: z.boolean(),
      dodMet: z.number(),
      dodTotal: z.number(),
    }),
  ),
  issues: z.array(
    z.strictObject({
      key: z.string(),
      summary: z.string(),
      issueType: z.string(),
      lane: z.string().nullable(),
      laneRule: z.string().min(1),
      status: z.string(),
      statusCategory,
      storyPoints: z.number().nullable(),
      inScope: z.boolean(),
      hidden: z.boolean(),
      sprintName: z.string().nullable(),
      blocked: z.boolean(),
      upstreamChain: z.array(z.string()),
      dod: z.strictObject({
        met: z.number(),
        total: z.number(),
        items: z.array(
          z.strictObject({
            id: z.string(),
            label: z.string(),
            kind: z.enum(['manual', 'auto']),
            met: z.boolean(),
            detail: z.string(),
          }),
        ),
      }),
    }),
  ),
  handoffs: z.array(
    z.strictObject({
      from: z.string(),
      to: z.string(),
      fromLane: z.string().nullable(),
      toLane: z.string().nullable(),
      linkType: z.string(),
      blocked: z.boolean(),
      reasons: z.array(reason),
    }),
  ),
  criticalChain: z.array(z.string()),
  cycles: z.array(z.array(z.string())),
  summary: z.strictObject({
    issues: z.number(),
    classified: z.number(),
    handoffs: z.number(),
    blockedHandoffs: z.number(),
    dodMet: z.number(),
    dodTotal: z.number(),
  }),
  warnings: z.array(z.string()),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Fails to compile if the schema and the contract type disagree.
export const schemaMatchesContract: Same<z.infer<typeof planViewSchema>, PlanView> = true;
