import { TZDate } from '@date-fns/tz';
import { effectiveSprintIds, findIssue, isReadable, type Site } from './site';
import type { WorkspaceIssue } from './workspace';
import { JqlSyntaxError, OPEN_SPRINTS, parseJql, UNSUPPORTED, type Clause, type Operator } from './jql-parse';

/**
 * The JQL subset the app needs, evaluated against the site: `sprint`, `project`, `key`/`issuekey`/`id` (with
 * `=` or `in`); `status`, `statusCategory`, `issuetype`/`type`, `resolution` (also `!=`, `not in`); the dates
 * `resolved`/`resolutiondate`, `created`, `updated` (compared with `=`, `!=`, `<`, `<=`, `>`, `>=`, or
 * `is [not] EMPTY`; values "yyyy-MM-dd", "yyyy/MM/dd", either with " HH:mm", or periods such as "-90d" and
 * "-4w 2d", read in the user's time zone and counted from the site's clock); the app's indexed issue properties
 * (`issue.property[ml-lanes-state].lane`, or an alias such as `mlLanesBlocked`). Clauses join with AND and OR
 * (no parentheses); ORDER BY is accepted and ignored (results come in rank order). Anything else is a 400
 * naming what is unsupported.
 */

export type JqlResult = { issues: WorkspaceIssue[] } | { errors: string[] };
export type JqlCache = Map<string, JqlResult>;

type Kind =
  'sprint' | 'project' | 'key' | 'status' | 'statusCategory' | 'issuetype' | 'resolution' | DateKind;
type DateKind = 'resolved' | 'created' | 'updated';

const FIELDS: Record<string, Kind> = {
  sprint: 'sprint',
  project: 'project',
  key: 'key',
  issuekey: 'key',
  id: 'key',
  status: 'status',
  statuscategory: 'statusCategory',
  issuetype: 'issuetype',
  type: 'issuetype',
  resolution: 'resolution',
  resolved: 'resolved',
  resolutiondate: 'resolved',
  created: 'created',
  createddate: 'created',
  updated: 'updated',
  updateddate: 'updated',
};

const OPERATORS: Record<'list' | 'choice' | 'date', readonly Operator[]> = {
  list: ['=', 'in'],
  choice: ['=', '!=', 'in', 'not in'],
  date: ['=', '!=', '<', '<=', '>', '>=', 'is', 'is not'],
};

const CATEGORY_NAMES: Record<string, 'new' | 'indeterminate' | 'done' | 'undefined'> = {
  'to do': 'new',
  new: 'new',
  '2': 'new',
  'in progress': 'indeterminate',
  indeterminate: 'indeterminate',
  '4': 'indeterminate',
  done: 'done',
  complete: 'done',
  '3': 'done',
  'no category': 'undefined',
  undefined: 'undefined',
  '1': 'undefined',
};

const BAD_DATE = (value: string, field: string) =>
  `Date value '${value}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`;

export function runJql(site: Site, jql: string, cache?: JqlCache): JqlResult {
  const cached = cache?.get(jql);
  if (cached) return cached;
  const { result, clockDependent } = evaluate(site, jql);
  // Periods count from real time when the site has no clock of its own, and issue properties change under a
  // query: such answers cannot be kept.
  if (cache && !clockDependent) {
    if (cache.size >= 50) cache.delete(cache.keys().next().value as string);
    cache.set(jql, result);
  }
  return result;
}

function evaluate(site: Site, jql: string): { result: JqlResult; clockDependent: boolean } {
  let alternatives: Clause[][];
  try {
    alternatives = parseJql(jql);
  } catch (error) {
    if (error instanceof JqlSyntaxError)
      return { result: { errors: [error.message] }, clockDependent: false };
    throw error;
  }
  if (alternatives.length === 0) {
    const message =
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';
    return { result: { errors: [message] }, clockDependent: false };
  }
  const errors: string[] = [];
  const state = { clockDependent: false };
  const predicates = alternatives.map((clauses) =>
    clauses.map((clause) => predicateFor(site, clause, errors, state)),
  );
  if (errors.length > 0) return { result: { errors: [...new Set(errors)] }, clockDependent: false };
  const issues = site.ws.issues.filter(
    (issue) => isReadable(issue) && predicates.some((all) => all.every((p) => p(issue))),
  );
  return { result: { issues }, clockDependent: state.clockDependent };
}

/**
 * Jira's verdict on a query without running it (for `/jql/parse`): syntax errors and clauses the subset cannot
 * answer are errors; a value that does not exist (an unknown project, status or sprint) is a warning, as Jira
 * warns about `project = INVALID` (SPEC `parseJqlQueries` example). ORDER BY alone is a valid query.
 */
export function validateJql(site: Site, jql: string): { errors: string[]; warnings: string[] } {
  let alternatives: Clause[][];
  try {
    alternatives = parseJql(jql);
  } catch (error) {
    if (error instanceof JqlSyntaxError) return { errors: [error.message], warnings: [] };
    throw error;
  }
  const problems: string[] = [];
  const state = { clockDependent: false };
  for (const clause of alternatives.flat()) predicateFor(site, clause, problems, state);
  const isWarning = (message: string) => /^The value '.*' does not exist for the field '.*'\.$/.test(message);
  return {
    errors: [...new Set(problems.filter((message) => !isWarning(message)))],
    warnings: [...new Set(problems.filter(isWarning))],
  };
}

type Predicate = (issue: WorkspaceIssue) => boolean;

function predicateFor(
  site: Site,
  clause: Clause,
  errors: string[],
  state: { clockDependent: boolean },
): Predicate {
  const property = indexedProperty(clause.field, errors);
  if (property !== undefined) {
    state.clockDependent = true;
    return property === null ? () => false : propertyPredicate(site, clause, property, errors);
  }
  const kind = FIELDS[clause.field.toLowerCase()];
  if (kind === undefined) {
    errors.push(`Field '${clause.field}' ${UNSUPPORTED} (supported: ${Object.keys(FIELDS).join(', ')}).`);
    return () => false;
  }
  const group =
    kind === 'sprint' || kind === 'project' || kind === 'key'
      ? 'list'
      : kind === 'resolved' || kind === 'created' || kind === 'updated'
        ? 'date'
        : 'choice';
  const allowed = kind === 'resolution' ? [...OPERATORS.choice, 'is', 'is not'] : OPERATORS[group];
  if (!allowed.includes(clause.op)) {
    errors.push(
      `Operator '${clause.op}' ${UNSUPPORTED} for field '${clause.field}' (use ${allowed.join(', ')}).`,
    );
    return () => false;
  }
  if (group === 'date') return datePredicate(site, clause, kind as DateKind, errors, state);
  const negate = clause.op === '!=' || clause.op === 'not in' || clause.op === 'is not';
  const matches = choiceMatcher(site, clause, kind, errors);
  return negate ? (issue) => !matches(issue) : matches;
}

/** Whether the issue has one of the clause's values (for `is [not] EMPTY`: whether the field is empty). */
function choiceMatcher(site: Site, clause: Clause, kind: Kind, errors: string[]): Predicate {
  const missing = (value: string, field = clause.field) =>
    errors.push(`The value '${value}' does not exist for the field '${field}'.`);
  switch (kind) {
    case 'sprint': {
      const ids = new Set<number>();
      for (const value of clause.values) {
        if (value === OPEN_SPRINTS) {
          site.ws.sprints.filter((s) => s.state !== 'closed').forEach((s) => ids.add(s.id));
          continue;
        }
        const matches = /^\d+$/.test(value)
          ? [site.sprints.get(Number(value))].filter((s) => s !== undefined)
          : site.ws.sprints.filter((s) => s.name.toLowerCase() === value.toLowerCase());
        if (matches.length === 0) missing(value, 'sprint');
        matches.forEach((s) => ids.add(s.id));
      }
      return (issue) => effectiveSprintIds(site.issuesByKey, issue).some((id) => ids.has(id));
    }
    case 'project': {
      const keys = new Set<string>();
      for (const value of clause.values) {
        const v = value.toLowerCase();
        const project = site.ws.projects.find(
          (p) => p.key.toLowerCase() === v || p.id === v || p.name.toLowerCase() === v,
        );
        if (project) keys.add(project.key);
        else missing(value, 'project');
      }
      return (issue) => keys.has(issue.projectKey);
    }
    case 'key': {
      // Jira refuses the whole query when one listed issue cannot be seen.
      const keys = new Set<string>();
      for (const value of clause.values) {
        const issue = findIssue(site, value);
        if (issue && isReadable(issue)) keys.add(issue.key);
        else errors.push(`An issue with key '${value}' does not exist for field '${clause.field}'.`);
      }
      return (issue) => keys.has(issue.key);
    }
    case 'status': {
      const names = new Set<string>();
      for (const value of clause.values) {
        const status = [...site.statuses.values()].find(
          (s) => s.name.toLowerCase() === value.toLowerCase() || s.id === value,
        );
        if (status) names.add(status.name);
        else missing(value);
      }
      return (issue) => names.has(issue.status);
    }
    case 'statusCategory': {
      const categories = new Set<string>();
      for (const value of clause.values) {
        const category = CATEGORY_NAMES[value.toLowerCase()];
        if (category) categories.add(category);
        else missing(value);
      }
      return (issue) => categories.has(site.statuses.get(issue.status)?.categoryKey ?? 'undefined');
    }
    case 'issuetype': {
      const types = new Set<string>();
      for (const value of clause.values) {
        const type = [...site.issueTypeIds].find(
          ([name, id]) => name.toLowerCase() === value.toLowerCase() || id === value,
        );
        if (type) types.add(type[0]);
        else missing(value);
      }
      return (issue) => types.has(issue.issueType);
    }
    case 'resolution': {
      const resolved = (issue: WorkspaceIssue) => site.dates.get(issue.key)?.resolved != null;
      if (clause.op === 'is' || clause.op === 'is not') return (issue) => !resolved(issue);
      const wanted = new Set<boolean>();
      for (const value of clause.values) {
        if (value.toLowerCase() === 'done') wanted.add(true);
        else if (value.toLowerCase() === 'unresolved') wanted.add(false);
        else missing(value);
      }
      return (issue) => wanted.has(resolved(issue));
    }
    case 'resolved':
    case 'created':
    case 'updated':
      return () => false; // dates go through datePredicate
  }
}

function datePredicate(
  site: Site,
  clause: Clause,
  kind: DateKind,
  errors: string[],
  state: { clockDependent: boolean },
): Predicate {
  const at = (issue: WorkspaceIssue) => site.dates.get(issue.key)?.[kind] ?? null;
  if (clause.op === 'is') return (issue) => at(issue) === null;
  if (clause.op === 'is not') return (issue) => at(issue) !== null;
  const value = clause.values[0] ?? '';
  const parsed = parseJqlDate(value, site);
  if (parsed === undefined) {
    errors.push(BAD_DATE(value, clause.field));
    return () => false;
  }
  if (parsed.relative && site.ws.now === undefined) state.clockDependent = true;
  const bound = parsed.epochMs;
  const compare: Record<string, (t: number) => boolean> = {
    '=': (t) => t === bound,
    '!=': (t) => t !== bound,
    '<': (t) => t < bound,
    '<=': (t) => t <= bound,
    '>': (t) => t > bound,
    '>=': (t) => t >= bound,
  };
  const test = compare[clause.op] ?? (() => false);
  // Issues with no such date (unresolved, for `resolved`) match no comparison, as in Jira.
  return (issue) => {
    const t = at(issue);
    return t !== null && test(t);
  };
}

/**
 * The issue properties ML Lanes indexes (manifest.yml `jira:entityProperty`), each path with its index type, and
 * their search aliases. Searched as `issue.property[key].path` or by alias, on the issue's stored properties.
 */
const INDEXED: Record<string, Record<string, 'string' | 'number'>> = {
  'ml-lanes-state': {
    blocked: 'string',
    handoff: 'string',
    waitingOn: 'number',
    lane: 'string',
    dodComplete: 'string',
    dodMet: 'number',
    dodTotal: 'number',
  },
  'ml-lanes-dod': { complete: 'string', met: 'number', total: 'number', lane: 'string' },
};
const ALIASES: Record<string, { key: string; path: string }> = {
  mllanesblocked: { key: 'ml-lanes-state', path: 'blocked' },
  mllaneshandoff: { key: 'ml-lanes-state', path: 'handoff' },
  mllaneswaitingon: { key: 'ml-lanes-state', path: 'waitingOn' },
  mllaneslane: { key: 'ml-lanes-dod', path: 'lane' },
  mllanesdodcomplete: { key: 'ml-lanes-dod', path: 'complete' },
  mllanesdodmet: { key: 'ml-lanes-dod', path: 'met' },
  mllanesdodtotal: { key: 'ml-lanes-dod', path: 'total' },
};
const PROPERTY_FIELD = /^issue\.property\[([^\]]+)\]\.([A-Za-z0-9_.]+)$/i;

interface IndexedPath {
  key: string;
  path: string;
  type: 'string' | 'number';
}

/** The indexed property a field names; null for a property the app does not index; undefined for no property. */
function indexedProperty(field: string, errors: string[]): IndexedPath | null | undefined {
  const match = PROPERTY_FIELD.exec(field);
  const named = match ? { key: match[1] ?? '', path: match[2] ?? '' } : ALIASES[field.toLowerCase()];
  if (!named) return undefined;
  const paths = Object.hasOwn(INDEXED, named.key) ? INDEXED[named.key] : undefined;
  const type = paths && Object.hasOwn(paths, named.path) ? paths[named.path] : undefined;
  if (type) return { ...named, type };
  errors.push(
    `Field '${field}' ${UNSUPPORTED} (indexed properties: ${Object.entries(INDEXED)
      .flatMap(([key, paths]) => Object.keys(paths).map((path) => `issue.property[${key}].${path}`))
      .join(', ')}).`,
  );
  return null;
}

/**
 * A clause on an indexed property, as Jira reads one: a value of another type than the index's is not indexed,
 * and an empty string counts as no value (UNCONFIRMED for Jira; the board setup's "No lane" query holds either
 * way). `!=` and `not in` never match an issue without a value, as in Jira.
 */
function propertyPredicate(site: Site, clause: Clause, property: IndexedPath, errors: string[]): Predicate {
  const allowed: readonly Operator[] =
    property.type === 'number'
      ? [...OPERATORS.choice, '<', '<=', '>', '>=', 'is', 'is not']
      : [...OPERATORS.choice, 'is', 'is not'];
  if (!allowed.includes(clause.op)) {
    errors.push(
      `Operator '${clause.op}' ${UNSUPPORTED} for field '${clause.field}' (use ${allowed.join(', ')}).`,
    );
    return () => false;
  }
  const valueOf = (issue: WorkspaceIssue): string | number | null => {
    let value: unknown = site.properties.get(issue.key)?.get(property.key);
    for (const step of property.path.split('.')) {
      value =
        value !== null && typeof value === 'object' && Object.hasOwn(value, step)
          ? (value as Record<string, unknown>)[step]
          : undefined;
    }
    if (property.type === 'number') return typeof value === 'number' && Number.isFinite(value) ? value : null;
    return typeof value === 'string' && value !== '' ? value : null;
  };
  if (clause.op === 'is') return (issue) => valueOf(issue) === null;
  if (clause.op === 'is not') return (issue) => valueOf(issue) !== null;
  const wanted: (string | number)[] = [];
  for (const text of clause.values) {
    if (property.type === 'string') wanted.push(text);
    else if (/^-?\d+(\.\d+)?$/.test(text)) wanted.push(Number(text));
    else errors.push(`The value '${text}' for field '${clause.field}' is not a number.`);
  }
  const bound = wanted[0] ?? 0;
  const test: Record<string, (value: string | number) => boolean> = {
    '=': (value) => wanted.includes(value),
    in: (value) => wanted.includes(value),
    '!=': (value) => !wanted.includes(value),
    'not in': (value) => !wanted.includes(value),
    '<': (value) => value < bound,
    '<=': (value) => value <= bound,
    '>': (value) => value > bound,
    '>=': (value) => value >= bound,
  };
  const matches = test[clause.op] ?? (() => false);
  return (issue) => {
    const value = valueOf(issue);
    return value !== null && matches(value);
  };
}

const UNIT_MS: Record<string, number> = { w: 7 * 86400_000, d: 86400_000, h: 3600_000, m: 60_000 };

/** A JQL date: absolute in the user's time zone, or a period counted from the site's clock. */
export function parseJqlDate(value: string, site: Site): { epochMs: number; relative: boolean } | undefined {
  const text = value.trim();
  const period = /^([-+]?)((?:\d+[wdhm]\s*)+)$/i.exec(text);
  if (period) {
    let ms = 0;
    for (const [, amount, unit] of (period[2] ?? '').matchAll(/(\d+)([wdhm])/gi))
      ms += Number(amount) * (UNIT_MS[(unit ?? '').toLowerCase()] ?? 0);
    const now = site.ws.now === undefined ? Date.now() : Date.parse(site.ws.now);
    return { epochMs: now + (period[1] === '-' ? -ms : ms), relative: true };
  }
  const date = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text);
  if (!date) return undefined;
  const [year, month, day, hour, minute] = [date[1], date[3], date[4], date[5] ?? '0', date[6] ?? '0'].map(
    Number,
  );
  if ([year, month, day, hour, minute].some((n) => n === undefined || Number.isNaN(n))) return undefined;
  const local = new TZDate(year!, month! - 1, day!, hour!, minute!, site.ws.user.timeZone);
  // Reject dates that roll over (2026-02-30) and impossible times.
  if (local.getMonth() !== month! - 1 || local.getDate() !== day! || hour! > 23 || minute! > 59)
    return undefined;
  return { epochMs: local.getTime(), relative: false };
}
