import { z } from 'zod';

/**
 * zod schemas of the subset of Jira Cloud responses ML Lanes reads. Unknown keys are tolerated (Jira adds
 * fields all the time) and dropped, which also keeps big responses small in memory; only an issue's `fields`
 * keeps them, since custom fields are found by id at run time. A missing field that we need is an error naming
 * the endpoint and the field.
 */

const id = z.union([z.string(), z.number()]).transform(String);

export const boardSchema = z.object({
  id: z.number(),
  name: z.string(),
  type: z.string(),
  location: z.object({ projectKey: z.string().optional() }).optional(),
});

export const boardPageSchema = z.object({
  isLast: z.boolean().optional(),
  values: z.array(boardSchema),
});

export const boardConfigurationSchema = z.object({
  id: z.number(),
  estimation: z
    .object({
      type: z.string(),
      field: z.object({ fieldId: z.string(), displayName: z.string() }).optional(),
    })
    .optional(),
});

export const sprintSchema = z.object({
  id: z.number(),
  name: z.string(),
  state: z.enum(['active', 'future', 'closed']),
  goal: z.string().nullish(),
  startDate: z.string().nullish(),
  endDate: z.string().nullish(),
  originBoardId: z.number().optional(),
});

export const sprintPageSchema = z.object({
  isLast: z.boolean().optional(),
  startAt: z.number().optional(),
  values: z.array(sprintSchema),
});

export const fieldSchema = z.object({
  id: z.string(),
  name: z.string(),
  custom: z.boolean().optional(),
  schema: z.object({ type: z.string(), custom: z.string().optional() }).optional(),
});

export const fieldListSchema = z.array(fieldSchema);

export const searchPageSchema = z.object({
  issues: z.array(z.object({ id: id })),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});

const statusSchema = z.object({
  name: z.string(),
  statusCategory: z.object({ key: z.string() }).optional(),
});

const linkedIssueSchema = z.object({
  id: id,
  key: z.string(),
});

export const issueLinkSchema = z.object({
  type: z.object({ name: z.string() }),
  inwardIssue: linkedIssueSchema.optional(),
  outwardIssue: linkedIssueSchema.optional(),
});

const namedSchema = z.object({ name: z.string() });

/** Only the fields we ask for are present; custom fields stay `unknown` until the domain reads them. */
export const issueFieldsSchema = z.looseObject({
  summary: z.string().nullish(),
  status: statusSchema.nullish(),
  issuetype: z.object({ name: z.string(), subtask: z.boolean().optional() }).nullish(),
  labels: z.array(z.string()).nullish(),
  components: z.array(namedSchema).nullish(),
  parent: z.object({ key: z.string() }).nullish(),
  project: z.object({ key: z.string() }).nullish(),
  issuelinks: z.array(issueLinkSchema).nullish(),
});

export const issueSchema = z.object({
  id: id,
  key: z.string(),
  fields: issueFieldsSchema,
  properties: z.record(z.string(), z.unknown()).optional(),
});

export const bulkFetchSchema = z.object({
  issues: z.array(issueSchema),
  issueErrors: z.array(z.object({ id: id.optional(), errorMessage: z.string().optional() })).optional(),
});

/** A sprint as it appears inside an issue's sprint field. */
export const sprintFieldValueSchema = z.array(
  z.object({ id: z.number(), name: z.string(), state: z.string().optional() }),
);

export type JiraBoard = z.infer<typeof boardSchema>;
export type JiraSprint = z.infer<typeof sprintSchema>;
export type JiraField = z.infer<typeof fieldSchema>;
export type JiraIssue = z.infer<typeof issueSchema>;
export type JiraIssueLink = z.infer<typeof issueLinkSchema>;
