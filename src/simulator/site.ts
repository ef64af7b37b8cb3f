import { deployedAppFields, type SimAppField } from './app-fields';
import type {
  ResolvedWorkspace,
  WorkspacePerson,
  WorkspaceBoard,
  WorkspaceField,
  WorkspaceIssue,
  WorkspaceLink,
  WorkspaceSprint,
} from './workspace';

/**
 * The simulator's indexed, mutable view of a workspace: lookups by key/id, derived Jira ids, and what write
 * requests change (issue properties, app field values, and through writes.ts statuses, summaries, labels and
 * links). The workspace given to the simulator is never mutated: `ws` is the simulator's own parsed copy.
 */

export interface StatusInfo {
  id: string;
  name: string;
  categoryKey: 'new' | 'indeterminate' | 'done';
}

export interface LinkEnd {
  linkId: string;
  link: WorkspaceLink;
  /** The issue at the other end. */
  other: WorkspaceIssue;
  /** 'outward': this issue does the outward verb to `other` (Jira lists `other` as `outwardIssue`). */
  side: 'outward' | 'inward';
}

/** When an issue was created, last changed and resolved (epoch ms); `resolved` is null unless it is done. */
export interface IssueDates {
  created: number;
  updated: number;
  resolved: number | null;
}

export interface Site {
  ws: ResolvedWorkspace;
  statuses: Map<string, StatusInfo>;
  issueTypeIds: Map<string, string>;
  componentIds: Map<string, string>; // "PROJ/name" -> id
  optionIds: Map<string, string>; // "fieldId/value" -> id
  fields: Map<string, WorkspaceField>;
  sprintField: WorkspaceField | undefined;
  rankField: WorkspaceField | undefined;
  flaggedField: WorkspaceField | undefined;
  /** Everyone who may appear as a changelog author, by account id. */
  people: Map<string, WorkspacePerson>;
  /** Changelog ids per issue key, one per entry: numbered site-wide in time order, as Jira's are. */
  historyIds: Map<string, string[]>;
  dates: Map<string, IssueDates>;
  issuesByKey: Map<string, WorkspaceIssue>;
  issuesById: Map<string, WorkspaceIssue>;
  linkEnds: Map<string, LinkEnd[]>;
  sprints: Map<number, WorkspaceSprint>;
  boards: Map<number, WorkspaceBoard>;
  /** Issue keys per sprint, in rank order (sub-tasks follow their parent's sprints). */
  sprintIssues: Map<number, WorkspaceIssue[]>;
  /** Sub-tasks and other children by parent key, in rank order. */
  children: Map<string, WorkspaceIssue[]>;
  /** Position in rank order (workspace order). */
  rank: Map<string, number>;
  properties: Map<string, Map<string, unknown>>;
  /** ML Lanes's Forge custom fields deployed on the site (see app-fields.ts). */
  appFields: SimAppField[];
  /** Values the app wrote, by field id, then issue key; a cleared value is removed. */
  appFieldValues: Map<string, Map<string, unknown>>;
  /** Asynchronous tasks (bulk property writes) by id, as `GET /rest/api/3/task/{taskId}` reports them. */
  tasks: Map<string, SiteTask>;
  /** The next change history id and issue link id the site hands out (writes.ts). */
  next: { historyId: number; linkId: number };
}

export interface SiteTask {
  id: string;
  description: string;
  submitted: number;
  finished: number;
}

export interface SiteOptions {
  /** Module keys of the app fields deployed; all three by default, `[]` as before the app is deployed. */
  appFields?: readonly string[] | undefined;
}

/** Creation date of issues with neither a `created` date nor a history. */
const SITE_EPOCH = Date.parse('2026-01-05T09:00:00.000Z');

const KNOWN_TYPE_IDS: Record<string, string> = {
  Epic: '10000',
  Story: '10001',
  Task: '10002',
  'Sub-task': '10003',
  Bug: '10004',
};

export function buildSite(ws: ResolvedWorkspace, options: SiteOptions = {}): Site {
  const appFields = deployedAppFields(options.appFields);
  const clash = appFields.find((appField) => ws.fields.some((field) => field.id === appField.id));
  if (clash) throw new Error(`workspace field ${clash.id} has the id of the app field ${clash.moduleKey}`);
  const statuses = new Map<string, StatusInfo>();
  ws.statuses.forEach((s, i) =>
    statuses.set(s.name, { id: s.id ?? String(10000 + i), name: s.name, categoryKey: s.categoryKey }),
  );

  const issueTypeIds = new Map<string, string>(Object.entries(KNOWN_TYPE_IDS));
  let nextTypeId = 10005;
  const componentIds = new Map<string, string>();
  let nextComponentId = 10000;
  for (const p of ws.projects)
    for (const c of p.components) componentIds.set(`${p.key}/${c}`, String(nextComponentId++));

  const fields = new Map(ws.fields.map((f) => [f.id, f]));
  const optionIds = new Map<string, string>();
  for (const f of ws.fields) for (const o of f.options ?? []) optionIds.set(`${f.id}/${o.value}`, o.id);
  let nextOptionId = 10100;
  const issuesByKey = new Map<string, WorkspaceIssue>();
  const issuesById = new Map<string, WorkspaceIssue>();
  const rank = new Map<string, number>();
  const children = new Map<string, WorkspaceIssue[]>();
  const properties = new Map<string, Map<string, unknown>>();
  for (const issue of ws.issues) {
    issuesByKey.set(issue.key, issue);
    issuesById.set(issue.id, issue);
    rank.set(issue.key, rank.size);
    if (issue.parentKey !== null) {
      const siblings = children.get(issue.parentKey);
      if (siblings) siblings.push(issue);
      else children.set(issue.parentKey, [issue]);
    }
    if (!issueTypeIds.has(issue.issueType)) issueTypeIds.set(issue.issueType, String(nextTypeId++));
    properties.set(issue.key, new Map(Object.entries(issue.properties)));
    const pastValues = issue.changelog.flatMap((entry) =>
      entry.changes.flatMap((c): [string, unknown][] =>
        c.kind === 'field'
          ? [
              [c.fieldId, c.from],
              [c.fieldId, c.to],
            ]
          : [],
      ),
    );
    for (const [fieldId, value] of [...Object.entries(issue.fields), ...pastValues]) {
      const field = fields.get(fieldId);
      const isOption = field?.schemaType === 'option' || field?.items === 'option';
      for (const v of isOption && value !== null ? [value].flat() : []) {
        const optionKey = `${fieldId}/${v}`;
        if (!optionIds.has(optionKey)) optionIds.set(optionKey, String(nextOptionId++));
      }
    }
  }

  const linkEnds = new Map<string, LinkEnd[]>();
  const addEnd = (key: string, end: LinkEnd) => {
    const list = linkEnds.get(key);
    if (list) list.push(end);
    else linkEnds.set(key, [end]);
  };
  ws.links.forEach((link, i) => {
    const outward = issuesByKey.get(link.outward);
    const inward = issuesByKey.get(link.inward);
    if (!outward || !inward) return;
    const linkId = link.id ?? String(20000 + i);
    addEnd(outward.key, { linkId, link, other: inward, side: 'outward' });
    addEnd(inward.key, { linkId, link, other: outward, side: 'inward' });
  });

  const sprintIssues = new Map<number, WorkspaceIssue[]>(ws.sprints.map((s) => [s.id, []]));
  for (const issue of ws.issues) {
    for (const sprintId of effectiveSprintIds(issuesByKey, issue)) sprintIssues.get(sprintId)?.push(issue);
  }

  const people = new Map<string, WorkspacePerson>();
  for (const p of [ws.user, ...ws.otherUsers, ...ws.people])
    if (!people.has(p.accountId)) people.set(p.accountId, p);

  return {
    ws,
    statuses,
    issueTypeIds,
    componentIds,
    optionIds,
    fields,
    sprintField: ws.fields.find((f) => f.role === 'sprint'),
    rankField: ws.fields.find((f) => f.role === 'rank'),
    flaggedField: ws.fields.find((f) => f.role === 'flagged'),
    people,
    historyIds: numberHistories(ws.issues),
    dates: new Map(ws.issues.map((issue) => [issue.key, issueDates(issue, statuses, ws.now)])),
    issuesByKey,
    issuesById,
    linkEnds,
    sprints: new Map(ws.sprints.map((s) => [s.id, s])),
    boards: new Map(ws.boards.map((b) => [b.id, b])),
    sprintIssues,
    children,
    rank,
    properties,
    appFields,
    appFieldValues: new Map(appFields.map((field) => [field.id, new Map<string, unknown>()])),
    tasks: new Map(),
    next: {
      historyId: 100000 + ws.issues.reduce((sum, issue) => sum + issue.changelog.length, 0),
      linkId:
        [...linkEnds.values()].flat().reduce((most, end) => Math.max(most, Number(end.linkId)), 19999) + 1,
    },
  };
}

/** Jira numbers change histories site-wide as they happen; ties keep workspace order. */
function numberHistories(issues: readonly WorkspaceIssue[]): Map<string, string[]> {
  const entries: { key: string; index: number; at: number; order: number }[] = [];
  for (const issue of issues)
    issue.changelog.forEach((entry, index) =>
      entries.push({ key: issue.key, index, at: Date.parse(entry.at), order: entries.length }),
    );
  entries.sort((a, b) => a.at - b.at || a.order - b.order);
  const ids = new Map<string, string[]>();
  entries.forEach((entry, n) => {
    let list = ids.get(entry.key);
    if (!list) ids.set(entry.key, (list = []));
    list[entry.index] = String(100000 + n);
  });
  return ids;
}

/**
 * Created: as given, else an hour before the first change, else the site's clock minus 30 days (or a fixed
 * date). Resolved: when a done issue last moved into done from another category (its creation when it never
 * moved), as Jira's resolution date is set by that transition.
 */
export function issueDates(
  issue: WorkspaceIssue,
  statuses: Map<string, StatusInfo>,
  now: string | undefined,
): IssueDates {
  const first = issue.changelog[0];
  const created =
    issue.created !== null
      ? Date.parse(issue.created)
      : first
        ? Date.parse(first.at) - 3600_000
        : now
          ? Date.parse(now) - 30 * 86400_000
          : SITE_EPOCH;
  const last = issue.changelog[issue.changelog.length - 1];
  const updated = last ? Date.parse(last.at) : created;
  const isDone = (name: string) => statuses.get(name)?.categoryKey === 'done';
  if (!isDone(issue.status)) return { created, updated, resolved: null };
  let resolved = created;
  for (const entry of issue.changelog)
    for (const change of entry.changes)
      if (change.kind === 'status' && isDone(change.to) && !isDone(change.from))
        resolved = Date.parse(entry.at);
  return { created, updated, resolved };
}

/** Sub-tasks sit in their parent's sprints, as in Jira. */
export function effectiveSprintIds(
  issuesByKey: Map<string, WorkspaceIssue>,
  issue: WorkspaceIssue,
): number[] {
  if (issue.subtask && issue.parentKey !== null) return issuesByKey.get(issue.parentKey)?.sprintIds ?? [];
  return issue.sprintIds;
}

/** Looks an issue up by key or numeric id, as Jira's `{issueIdOrKey}` does. */
export function findIssue(site: Site, idOrKey: string): WorkspaceIssue | undefined {
  return /^\d+$/.test(idOrKey) ? site.issuesById.get(idOrKey) : site.issuesByKey.get(idOrKey.toUpperCase());
}

/** Whether the current user may read the issue's details. */
export function isReadable(issue: WorkspaceIssue): boolean {
  return issue.visibleToUser && !issue.vanished;
}
