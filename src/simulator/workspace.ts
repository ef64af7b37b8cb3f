import { z } from 'zod';
import { changelogEntrySchema, historyProblems, instantSchema } from './changelog';

/**
 * A workspace is everything the simulator serves: one Jira Cloud site described in plain words.
 * Ids are kept explicit where Jira clients see them (field ids, board/sprint ids, issue ids) so tests can
 * pin them; the simulator derives the rest (status/type/component ids, self URLs).
 */

const fieldSchema = z.object({
  /** e.g. "customfield_10016". Ids differ between sites: clients must look them up. */
  id: z.string().min(1),
  name: z.string().min(1),
  custom: z.boolean().default(true),
  /** Jira's `schema.type`: number, string, option, array, date, datetime, any. */
  schemaType: z.enum(['number', 'string', 'option', 'array', 'date', 'datetime', 'any']),
  /** For arrays: the item type (`schema.items`), e.g. "string" or "json". */
  items: z.string().optional(),
  /** Jira's custom field type key (`schema.custom`); derived from schemaType (and role) when left out. */
  plugin: z.string().optional(),
  /** Fields Jira Software treats specially; `flagged` is Jira's Flagged checkbox (option "Impediment"). */
  role: z.enum(['sprint', 'story-points', 'rank', 'flagged']).optional(),
  /** Option ids for option fields (changelogs name options by id); the simulator numbers the others. */
  options: z.array(z.object({ id: z.string().regex(/^\d+$/), value: z.string().min(1) })).optional(),
});

const linkTypeSchema = z.object({
  id: z.string().regex(/^\d+$/),
  name: z.string().min(1),
  /** e.g. "is blocked by": what the inward issue says about the outward one. */
  inward: z.string().min(1),
  /** e.g. "blocks": what the outward issue does to the inward one. */
  outward: z.string().min(1),
});

const projectSchema = z.object({
  key: z.string().regex(/^[A-Z][A-Z0-9_]{0,9}$/),
  id: z.string().regex(/^\d+$/),
  name: z.string().min(1),
  /** Component names; the simulator numbers them. */
  components: z.array(z.string().min(1)).default([]),
});

const boardSchema = z.object({
  id: z.number().int().positive(),
  name: z.string().min(1),
  type: z.enum(['scrum', 'kanban']),
  projectKey: z.string(),
  /** The field holding estimates on this board, or null for boards that count issues. */
  estimationFieldId: z.string().nullable().default(null),
});

const sprintSchema = z.object({
  id: z.number().int().positive(),
  boardId: z.number().int().positive(),
  name: z.string().min(1),
  state: z.enum(['active', 'future', 'closed']),
  goal: z.string().nullable().default(null),
  startDate: z.string().nullable().default(null),
  endDate: z.string().nullable().default(null),
  completeDate: z.string().nullable().default(null),
  createdDate: z.string().nullable().default(null),
});

const statusSchema = z.object({
  name: z.string().min(1),
  categoryKey: z.enum(['new', 'indeterminate', 'done']),
  /** Derived from the position when left out. */
  id: z.string().regex(/^\d+$/).optional(),
});

/** Custom field values: numbers, text, option values (by their text), lists of text, or null. */
const fieldValueSchema = z.union([z.number(), z.string(), z.array(z.string()), z.null()]);

const issueSchema = z.object({
  key: z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/),
  id: z.string().regex(/^\d+$/),
  projectKey: z.string(),
  summary: z.string(),
  issueType: z.string().min(1).default('Story'),
  subtask: z.boolean().default(false),
  parentKey: z.string().nullable().default(null),
  status: z.string(),
  priority: z.string().default('Medium'),
  labels: z.array(z.string()).default([]),
  components: z.array(z.string()).default([]),
  /** Sprints holding the issue (closed ones too); empty = backlog. Sub-tasks follow their parent. */
  sprintIds: z.array(z.number().int()).default([]),
  /** Values by field id (story points included); the sprint field is derived from sprintIds. */
  fields: z.record(z.string(), fieldValueSchema).default({}),
  /** Issue properties (entity properties) by key. */
  properties: z.record(z.string(), z.json()).default({}),
  /** False: the user may not browse it; Jira drops it from searches and from other issues' links. */
  visibleToUser: z.boolean().default(true),
  /** True: still listed in other issues' links, but fetching it fails (deleted or moved meanwhile). */
  vanished: z.boolean().default(false),
  /** When it was created (ISO 8601); left out, the simulator makes one up just before its first change. */
  created: instantSchema.nullable().default(null),
  /** What happened to it, oldest first; its resolution date is the last move into a done status that holds. */
  changelog: z.array(changelogEntrySchema).default([]),
});

const linkSchema = z.object({
  /** Link type name, e.g. "Blocks". */
  type: z.string(),
  /** The issue doing the outward verb ("blocks"). */
  outward: z.string(),
  /** The issue on the receiving end ("is blocked by"). */
  inward: z.string(),
  id: z.string().regex(/^\d+$/).optional(),
});

const userSchema = z.object({
  accountId: z.string().min(1),
  displayName: z.string().min(1),
  emailAddress: z.string().min(1),
  timeZone: z.string().min(1),
  /** Holds Jira's global ADMINISTER permission (what `/mypermissions` reports). */
  admin: z.boolean().default(true),
  /** Holds Edit issues on every project (who may tick the Definition of Done, as Jira decides). */
  editIssues: z.boolean().default(true),
});

/** Someone who appears in histories (changelog authors) without signing in to the simulator. */
const personSchema = z.object({
  accountId: z.string().min(1),
  displayName: z.string().min(1),
  emailAddress: z.string().min(1).optional(),
  timeZone: z.string().min(1).default('Europe/Berlin'),
});

const DEFAULT_USER = {
  accountId: '712020:5d3a1c7e-0b7f-4a8e-9a51-6f0c2f1b9e11',
  displayName: 'Ada Okafor',
  emailAddress: 'ada.okafor@example.com',
  timeZone: 'Europe/Berlin',
  admin: true,
  editIssues: true,
};

export const workspaceSchema = z
  .object({
    name: z.string().min(1),
    user: userSchema.default(DEFAULT_USER),
    /** When set, requests must carry HTTP Basic `email:apiToken`. */
    credentials: z.object({ email: z.string().min(1), apiToken: z.string().min(1) }).optional(),
    /** Other people on the site, signing in with `emailAddress:apiToken` (e.g. a user who is not a Jira admin). */
    otherUsers: z.array(userSchema.extend({ apiToken: z.string().min(1) })).default([]),
    /** People who changed issues (changelog authors) besides the users above. */
    people: z.array(personSchema).default([]),
    /** The site's clock (ISO 8601): relative JQL dates such as `-90d` count from it; real time when left out. */
    now: instantSchema.optional(),
    fields: z.array(fieldSchema),
    linkTypes: z.array(linkTypeSchema),
    projects: z.array(projectSchema),
    boards: z.array(boardSchema),
    sprints: z.array(sprintSchema),
    statuses: z.array(statusSchema).min(1),
    /** In rank order: searches list issues in this order. */
    issues: z.array(issueSchema),
    links: z.array(linkSchema).default([]),
  })
  .superRefine((ws, ctx) => {
    for (const problem of crossCheck(ws))
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  });

/** What authors write (defaults may be left out). */
export type Workspace = z.input<typeof workspaceSchema>;
/** A validated workspace with every default filled in. */
export type ResolvedWorkspace = z.output<typeof workspaceSchema>;
export type WorkspaceIssue = ResolvedWorkspace['issues'][number];
export type WorkspaceField = ResolvedWorkspace['fields'][number];
export type WorkspaceSprint = ResolvedWorkspace['sprints'][number];
export type WorkspaceBoard = ResolvedWorkspace['boards'][number];
export type WorkspaceLink = ResolvedWorkspace['links'][number];
export type FieldValue = z.infer<typeof fieldValueSchema>;
export type WorkspaceUser = ResolvedWorkspace['user'];
export type WorkspacePerson = ResolvedWorkspace['people'][number];

/** Validates a workspace; throws an Error listing every problem. */
export function parseWorkspace(input: unknown): ResolvedWorkspace {
  const result = workspaceSchema.safeParse(input);
  if (!result.success) throw new Error(`Invalid workspace:\n${z.prettifyError(result.error)}`);
  return result.data;
}

interface Problem {
  path: (string | number)[];
  message: string;
}

type Shape = z.output<typeof workspaceSchema>;

function crossCheck(ws: Shape): Problem[] {
  const problems: Problem[] = [];
  const fail = (path: (string | number)[], message: string) => problems.push({ path, message });
  const fieldIds = new Set<string>();
  ws.fields.forEach((f, i) => {
    if (fieldIds.has(f.id)) fail(['fields', i, 'id'], `duplicate field id "${f.id}"`);
    fieldIds.add(f.id);
  });
  for (const role of ['sprint', 'rank'] as const) {
    if (ws.fields.filter((f) => f.role === role).length > 1) fail(['fields'], `more than one ${role} field`);
  }
  const sprintFieldId = ws.fields.find((f) => f.role === 'sprint')?.id;
  if (ws.fields.filter((f) => f.role === 'flagged').length > 1)
    fail(['fields'], 'more than one flagged field');
  const flagged = ws.fields.find((f) => f.role === 'flagged');
  if (flagged && (flagged.schemaType !== 'array' || flagged.items !== 'option'))
    fail(['fields'], `the flagged field "${flagged.id}" must be an array of options`);
  const linkTypeNames = new Set(ws.linkTypes.map((t) => t.name));
  const projects = new Map(ws.projects.map((p) => [p.key, p]));
  const boards = new Map(ws.boards.map((b) => [b.id, b]));
  ws.boards.forEach((b, i) => {
    if (!projects.has(b.projectKey)) fail(['boards', i, 'projectKey'], `no project "${b.projectKey}"`);
    if (b.estimationFieldId !== null && !fieldIds.has(b.estimationFieldId)) {
      fail(['boards', i, 'estimationFieldId'], `no field "${b.estimationFieldId}"`);
    }
  });
  if (boards.size !== ws.boards.length) fail(['boards'], 'duplicate board id');
  const sprintIds = new Set<number>();
  ws.sprints.forEach((s, i) => {
    if (sprintIds.has(s.id)) fail(['sprints', i, 'id'], `duplicate sprint id ${s.id}`);
    sprintIds.add(s.id);
    const board = boards.get(s.boardId);
    if (!board) fail(['sprints', i, 'boardId'], `no board ${s.boardId}`);
    else if (board.type !== 'scrum') fail(['sprints', i, 'boardId'], `board ${s.boardId} is a kanban board`);
  });
  const statusNames = new Set(ws.statuses.map((s) => s.name));
  if (statusNames.size !== ws.statuses.length) fail(['statuses'], 'duplicate status name');
  const issues = new Map<string, Shape['issues'][number]>();
  const ids = new Set<string>();
  ws.issues.forEach((issue, i) => {
    if (issues.has(issue.key)) fail(['issues', i, 'key'], `duplicate issue key "${issue.key}"`);
    if (ids.has(issue.id)) fail(['issues', i, 'id'], `duplicate issue id "${issue.id}"`);
    issues.set(issue.key, issue);
    ids.add(issue.id);
  });
  const accountIds = new Set([ws.user, ...ws.otherUsers, ...ws.people].map((p) => p.accountId));
  const history = {
    statusNames,
    sprintIds,
    accountIds,
    fields: new Map(ws.fields.map((f) => [f.id, f])),
    flaggedFieldId: flagged?.id,
  };
  ws.issues.forEach((issue, i) => {
    const at = (field: string) => ['issues', i, field];
    if (issue.changelog.length > 0)
      for (const [path, message] of historyProblems(issue, history)) fail(['issues', i, ...path], message);
    const project = projects.get(issue.projectKey);
    if (!project) fail(at('projectKey'), `no project "${issue.projectKey}"`);
    else if (!issue.key.startsWith(`${project.key}-`))
      fail(at('key'), `key does not start with "${project.key}-"`);
    if (!statusNames.has(issue.status)) fail(at('status'), `no status "${issue.status}"`);
    for (const c of issue.components) {
      if (project && !project.components.includes(c))
        fail(at('components'), `project has no component "${c}"`);
    }
    for (const s of issue.sprintIds) if (!sprintIds.has(s)) fail(at('sprintIds'), `no sprint ${s}`);
    for (const [f, value] of Object.entries(issue.fields)) {
      if (!fieldIds.has(f)) fail(at('fields'), `no field "${f}"`);
      const options = history.fields.get(f)?.options;
      for (const v of options && value !== null ? [value].flat() : [])
        if (!options?.some((o) => o.value === v)) fail(at('fields'), `field "${f}" has no option "${v}"`);
      if (f === sprintFieldId) fail(at('fields'), 'set sprints through sprintIds, not the sprint field');
    }
    if (issue.parentKey !== null && !issues.has(issue.parentKey))
      fail(at('parentKey'), `no issue "${issue.parentKey}"`);
    if (issue.subtask && issue.parentKey === null) fail(at('parentKey'), 'a sub-task needs a parent');
    if (issue.subtask && issue.sprintIds.length > 0)
      fail(at('sprintIds'), 'a sub-task is in its parent’s sprints');
  });
  ws.links.forEach((link, i) => {
    if (!linkTypeNames.has(link.type)) fail(['links', i, 'type'], `no link type "${link.type}"`);
    if (!issues.has(link.outward)) fail(['links', i, 'outward'], `no issue "${link.outward}"`);
    if (!issues.has(link.inward)) fail(['links', i, 'inward'], `no issue "${link.inward}"`);
    if (link.inward === link.outward) fail(['links', i], 'an issue cannot link to itself');
  });
  return problems;
}
