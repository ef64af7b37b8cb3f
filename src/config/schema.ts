import { z } from 'zod';
import { patternProblem } from '../domain/pattern';

/**
 * The configuration document: one versioned JSON object holding lanes, classification rules,
 * dependency link types, Definition-of-Done templates and per-lane capacity.
 * The same document is read by the CLI (`--config FILE`) and saved by the admin page (Forge KVS).
 */

export const CONFIG_VERSION = 2;

const laneId = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{0,31}$/,
    'a lane id is 1–32 lowercase letters, digits or dashes, starting with a letter',
  )
  // Lane ids key the Definition of Done and capacity, where these names are refused as object keys.
  .refine((id) => id !== 'constructor' && id !== 'prototype', 'this lane id is reserved; pick another');

export const laneSchema = z.strictObject({
  id: laneId,
  name: z.string().trim().min(1, 'a lane needs a name').max(40),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb')
    .optional(),
});

/** An admin's regular expression must compile with RE2 within the caps (src/domain/pattern.ts). */
function refinePattern(pattern: string, ctx: z.RefinementCtx): void {
  const problem = patternProblem(pattern);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
}

const keywordList = z
  .array(z.string().trim().min(1, 'a keyword cannot be empty'))
  .min(1, 'list at least one keyword');

/** `lane:<id>` style labels name the lane directly. */
const laneLabelRule = z.strictObject({
  kind: z.literal('lane-label'),
  prefix: z.string().min(1).default('lane:'),
});

/** Whole-word keyword match on labels, components and/or the summary. */
const keywordRule = z.strictObject({
  kind: z.literal('keywords'),
  lane: laneId,
  in: z.array(z.enum(['labels', 'components', 'summary'])).min(1, 'say where to look for keywords'),
  keywords: keywordList,
});

/** What a condition of a `conditions` rule looks at. `customField` names the field in `fieldId` (id or name). */
export const conditionFieldSchema = z.enum([
  'issueType',
  'labels',
  'components',
  'project',
  'parent',
  'customField',
]);

const fieldIdOption = { fieldId: z.string().trim().min(1).optional() };

/** One test of an issue: equals / contains / is set on a field, or keywords / a regular expression on the summary. */
export const conditionSchema = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.literal('equals'),
    field: conditionFieldSchema,
    ...fieldIdOption,
    value: z.string().trim().min(1, 'give a value'),
  }),
  z.strictObject({
    op: z.literal('contains'),
    field: conditionFieldSchema,
    ...fieldIdOption,
    value: z.string().trim().min(1, 'give a value'),
  }),
  z.strictObject({ op: z.literal('is-set'), field: conditionFieldSchema, ...fieldIdOption }),
  z.strictObject({ op: z.literal('keywords'), field: z.literal('summary'), keywords: keywordList }),
  z.strictObject({
    op: z.literal('regex'),
    field: z.literal('summary'),
    pattern: z.string().min(1, 'give a pattern').superRefine(refinePattern),
  }),
]);

/** An admin-authored rule: conditions combined with all (AND) or any (OR). */
const conditionsRule = z.strictObject({
  kind: z.literal('conditions'),
  lane: laneId,
  match: z.enum(['all', 'any']).default('all'),
  conditions: z.array(conditionSchema).min(1, 'add at least one condition'),
});

export const ruleSchema = z.discriminatedUnion('kind', [laneLabelRule, keywordRule, conditionsRule]);

export const dependencyLinkTypeSchema = z.strictObject({
  /** The link type's name as Jira shows it, e.g. "Blocks". */
  name: z.string().trim().min(1),
  /** Which side of the link must finish first. For "Blocks", the outward issue ("blocks") is upstream. */
  upstream: z.enum(['outward', 'inward']).default('outward'),
});

const dodRuleSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('gte'), value: z.number() }),
  z.strictObject({ op: z.literal('lte'), value: z.number() }),
  z.strictObject({ op: z.literal('not-empty') }),
  z.strictObject({
    op: z.literal('matches'),
    pattern: z.string().superRefine(refinePattern),
  }),
]);

const dodItemId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'an item id is lowercase letters, digits or dashes');

export const dodItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({ id: dodItemId, label: z.string().trim().min(1), kind: z.literal('manual') }),
  z.strictObject({
    id: dodItemId,
    label: z.string().trim().min(1),
    kind: z.literal('auto'),
    /** A field's display name ("Model accuracy") or id ("customfield_10042"). */
    field: z.string().trim().min(1),
    rule: dodRuleSchema,
  }),
]);

export const dodTemplateSchema = z.strictObject({
  /** Whether the Done transition should be refused while items are unmet (for the Done-transition gate, not built yet). */
  enforce: z.boolean().default(false),
  items: z.array(dodItemSchema),
});

export const capacitySchema = z.strictObject({
  storyPoints: z.number().nonnegative().nullable().default(null),
  wipLimit: z.number().int().positive().nullable().default(null),
});

export const configSchema = z
  .object({
    version: z.literal(CONFIG_VERSION),
    lanes: z.array(laneSchema).min(1, 'configure at least one lane'),
    rules: z.array(ruleSchema),
    dependencyLinkTypes: z.array(dependencyLinkTypeSchema).min(1, 'name at least one dependency link type'),
    dod: z.record(z.string(), dodTemplateSchema),
    capacity: z.record(z.string(), capacitySchema),
    /** The board index (app fields and JQL): whether upstream work in other projects counts as blocking. */
    boardIndex: z
      .strictObject({ sameProjectOnly: z.boolean().default(false) })
      .default({ sameProjectOnly: false }),
  })
  .superRefine((config, ctx) => {
    const laneIds = new Set<string>();
    config.lanes.forEach((lane, index) => {
      if (laneIds.has(lane.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['lanes', index, 'id'],
          message: `duplicate lane id "${lane.id}"`,
        });
      }
      laneIds.add(lane.id);
    });
    config.rules.forEach((rule, index) => {
      if (rule.kind !== 'lane-label' && !laneIds.has(rule.lane)) {
        ctx.addIssue({ code: 'custom', path: ['rules', index, 'lane'], message: `no lane "${rule.lane}"` });
      }
      if (rule.kind !== 'conditions') return;
      rule.conditions.forEach((condition, conditionIndex) => {
        if (condition.field === 'customField' && !('fieldId' in condition && condition.fieldId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['rules', index, 'conditions', conditionIndex, 'fieldId'],
            message: 'name the custom field (its name or id)',
          });
        }
      });
    });
    for (const section of ['dod', 'capacity'] as const) {
      for (const key of Object.keys(config[section])) {
        if (!laneIds.has(key)) {
          ctx.addIssue({ code: 'custom', path: [section, key], message: `no lane "${key}"` });
        }
      }
    }
    for (const [lane, template] of Object.entries(config.dod)) {
      const itemIds = new Set<string>();
      template.items.forEach((item, index) => {
        if (itemIds.has(item.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['dod', lane, 'items', index, 'id'],
            message: `duplicate item id "${item.id}"`,
          });
        }
        itemIds.add(item.id);
      });
    }
  });

export type MlLanesConfig = z.infer<typeof configSchema>;
export type LaneConfig = z.infer<typeof laneSchema>;
export type ClassificationRule = z.infer<typeof ruleSchema>;
export type RuleCondition = z.infer<typeof conditionSchema>;
export type DependencyLinkType = z.infer<typeof dependencyLinkTypeSchema>;
export type DodItem = z.infer<typeof dodItemSchema>;
export type DodRule = z.infer<typeof dodRuleSchema>;
export type DodTemplate = z.infer<typeof dodTemplateSchema>;
