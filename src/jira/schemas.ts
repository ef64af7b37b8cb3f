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

export type JiraBulkFetchPage = z.infer<typeof bulkFetchSchema>;

/** Where a hand-checked answer first goes wrong: the field's path (`issues.3.fields.summary`) and how. */
export interface ShapeProblem {
  path: string;
  problem: string;
}

/** A check of a response body, in place of a zod schema where zod costs too much: the value, or its problem. */
export type ShapeCheck<T> = (json: unknown) => { ok: true; value: T } | { ok: false; problem: ShapeProblem };

/**
 * `bulkFetchSchema` checked by hand, for speed: zod copied every issue of every page (a 5,000-issue sprint spent
 * ~0.2 s and much garbage there). Accepts and rejects exactly what the schema does (a property test holds them
 * together), but keeps Jira's objects instead of copying them; only numeric ids are turned into strings, in place.
 */
export const checkBulkFetchPage: ShapeCheck<JiraBulkFetchPage> = (json) => {
  const path: (string | number)[] = [];
  try {
    const page = object(json, path);
    const issues = array(page, 'issues', path);
    path.push('issues');
    for (let index = 0; index < issues.length; index++) {
      path.push(index);
      checkIssue(issues[index], path);
      path.pop();
    }
    path.pop();
    const errors = optional(page, 'issueErrors') ? array(page, 'issueErrors', path) : [];
    path.push('issueErrors');
    for (let index = 0; index < errors.length; index++) {
      path.push(index);
      const failure = object(errors[index], path);
      if (optional(failure, 'id')) idIn(failure, 'id', path);
      if (optional(failure, 'errorMessage')) string(failure, 'errorMessage', path);
      path.pop();
    }
    return { ok: true, value: page as JiraBulkFetchPage };
  } catch (error) {
    if (error instanceof Mismatch) return { ok: false, problem: error.problem };
    throw error;
  }
};

type Path = (string | number)[];
type JsonObject = Record<string, unknown>;

class Mismatch extends Error {
  override readonly name = 'Mismatch';

  constructor(readonly problem: ShapeProblem) {
    super(`${problem.path}: ${problem.problem}`);
  }
}

function mismatch(path: Path, key: string | null, expected: string, value: unknown): Mismatch {
  const where = (key === null ? path : [...path, key]).map(String).join('.') || '(body)';
  const got =
    value === undefined ? 'missing' : value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return new Mismatch({
    path: where,
    problem: got === 'missing' ? 'is missing' : `expected ${expected}, got ${got}`,
  });
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(value: unknown, path: Path): JsonObject {
  if (!isObject(value)) throw mismatch(path, null, 'an object', value);
  return value;
}

/** For `.optional()`: present (check it) or undefined; null is not absent. */
function optional(parent: JsonObject, key: string): boolean {
  return parent[key] !== undefined;
}

/** For `.nullish()`: null and undefined are both absent. */
function present(parent: JsonObject, key: string): boolean {
  return parent[key] !== undefined && parent[key] !== null;
}

function string(parent: JsonObject, key: string, path: Path): string {
  const value = parent[key];
  if (typeof value !== 'string') throw mismatch(path, key, 'a string', value);
  return value;
}

function boolean(parent: JsonObject, key: string, path: Path): void {
  if (typeof parent[key] !== 'boolean') throw mismatch(path, key, 'a boolean', parent[key]);
}

function array(parent: JsonObject, key: string, path: Path): unknown[] {
  const value = parent[key];
  if (!Array.isArray(value)) throw mismatch(path, key, 'an array', value);
  return value;
}

function child(parent: JsonObject, key: string, path: Path): JsonObject {
  const value = parent[key];
  if (!isObject(value)) throw mismatch(path, key, 'an object', value);
  return value;
}

/** Jira sends ids as strings, sometimes as numbers: both become strings, as `id` in the schema does. */
function idIn(parent: JsonObject, key: string, path: Path): void {
  const value = parent[key];
  if (typeof value === 'number') parent[key] = String(value);
  else if (typeof value !== 'string') throw mismatch(path, key, 'a string or number', value);
}

function withName(parent: JsonObject, key: string, path: Path): JsonObject {
  const value = child(parent, key, path);
  path.push(key);
  string(value, 'name', path);
  path.pop();
  return value;
}

function checkIssue(value: unknown, path: Path): void {
  const issue = object(value, path);
  idIn(issue, 'id', path);
  string(issue, 'key', path);
  const fields = child(issue, 'fields', path);
  path.push('fields');
  if (present(fields, 'summary')) string(fields, 'summary', path);
  if (present(fields, 'status')) {
    const status = withName(fields, 'status', path);
    if (optional(status, 'statusCategory')) {
      path.push('status');
      const category = child(status, 'statusCategory', path);
      path.push('statusCategory');
      string(category, 'key', path);
      path.splice(-2, 2);
    }
  }
  if (present(fields, 'issuetype')) {
    const type = withName(fields, 'issuetype', path);
    if (optional(type, 'subtask')) {
      path.push('issuetype');
      boolean(type, 'subtask', path);
      path.pop();
    }
  }
  if (present(fields, 'labels')) {
    const labels = array(fields, 'labels', path);
    path.push('labels');
    for (let index = 0; index < labels.length; index++) {
      if (typeof labels[index] !== 'string') throw mismatch(path, String(index), 'a string', labels[index]);
    }
    path.pop();
  }
  if (present(fields, 'components')) {
    const components = array(fields, 'components', path);
    path.push('components');
    for (let index = 0; index < components.length; index++) {
      path.push(index);
      string(object(components[index], path), 'name', path);
      path.pop();
    }
    path.pop();
  }
  for (const key of ['parent', 'project']) {
    if (present(fields, key)) {
      const value = child(fields, key, path);
      path.push(key);
      string(value, 'key', path);
      path.pop();
    }
  }
  if (present(fields, 'issuelinks')) checkLinks(array(fields, 'issuelinks', path), path);
  path.pop();
  if (optional(issue, 'properties')) child(issue, 'properties', path);
}

function checkLinks(links: unknown[], path: Path): void {
  path.push('issuelinks');
  for (let index = 0; index < links.length; index++) {
    path.push(index);
    const link = object(links[index], path);
    withName(link, 'type', path);
    for (const side of ['inwardIssue', 'outwardIssue']) {
      if (!optional(link, side)) continue;
      const linked = child(link, side, path);
      path.push(side);
      idIn(linked, 'id', path);
      string(linked, 'key', path);
      path.pop();
    }
    path.pop();
  }
  path.pop();
}

/** A sprint as it appears inside an issue's sprint field. */
export const sprintFieldValueSchema = z.array(
  z.object({ id: z.number(), name: z.string(), state: z.string().optional() }),
);

export type JiraBoard = z.infer<typeof boardSchema>;
export type JiraSprint = z.infer<typeof sprintSchema>;
export type JiraField = z.infer<typeof fieldSchema>;
export type JiraIssue = z.infer<typeof issueSchema>;
export type JiraIssueLink = z.infer<typeof issueLinkSchema>;
