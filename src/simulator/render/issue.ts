import { effectiveSprintIds, isReadable, type Site } from '../site';
import type { WorkspaceIssue } from '../workspace';
import { avatarUrls, renderIssueRef, renderIssueType, renderPriority, renderStatus } from './common';
import { renderSprintFieldEntry } from './agile';
import { jiraDateTime } from '../dates';

/** Issue JSON as /search/jql and /issue/bulkfetch return it: only the requested fields. */

const SYSTEM_FIELD_IDS = [
  'summary',
  'status',
  'issuetype',
  'priority',
  'labels',
  'components',
  'parent',
  'project',
  'issuelinks',
  'subtasks',
  'created',
  'updated',
  'resolution',
  'resolutiondate',
];

/** Which fields to render: `null` means "no fields at all" (the id-only form of /search/jql). */
export type FieldSelection = Set<string> | null;

/**
 * Reads Jira's `fields` parameter: names (comma-separated or repeated), `*all`, `*navigable`,
 * `-name` exclusions, `id`/`key`. Unknown names are ignored, as Jira does.
 */
export function selectFields(site: Site, requested: string[] | undefined, fallback: string): FieldSelection {
  const names = (requested && requested.length > 0 ? requested : [fallback])
    .flatMap((entry) => entry.split(','))
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  const all = [...SYSTEM_FIELD_IDS, ...site.fields.keys(), ...site.appFieldValues.keys()];
  const selected = new Set<string>();
  for (const name of names) {
    if (name === '*all' || name === '*navigable') all.forEach((f) => selected.add(f));
    else if (!name.startsWith('-') && all.includes(name)) selected.add(name);
  }
  for (const name of names) if (name.startsWith('-')) selected.delete(name.slice(1));
  const onlyIds = names.every((name) => name === 'id');
  return selected.size === 0 && onlyIds ? null : selected;
}

export function renderIssue(
  site: Site,
  base: string,
  issue: WorkspaceIssue,
  selection: FieldSelection,
  propertyKeys: string[],
): Record<string, unknown> {
  const properties = renderProperties(site, issue, propertyKeys);
  if (selection === null && propertyKeys.length === 0) return { id: issue.id };
  const fields: Record<string, unknown> = {};
  for (const fieldId of selection ?? []) {
    const value = renderField(site, base, issue, fieldId);
    if (value !== undefined) fields[fieldId] = value;
  }
  return {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: `${base}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
    fields,
    ...(propertyKeys.length > 0 ? { properties } : {}),
  };
}

function renderProperties(site: Site, issue: WorkspaceIssue, keys: string[]): Record<string, unknown> {
  const stored = site.properties.get(issue.key);
  const out: Record<string, unknown> = {};
  for (const key of keys) if (stored?.has(key)) out[key] = stored.get(key);
  return out;
}

/** One field's value; `undefined` leaves the field out (Jira omits `parent` on issues without one). */
function renderField(site: Site, base: string, issue: WorkspaceIssue, fieldId: string): unknown {
  switch (fieldId) {
    case 'summary':
      return issue.summary;
    case 'status': {
      const status = site.statuses.get(issue.status);
      return status ? renderStatus(base, status) : null;
    }
    case 'issuetype':
      return renderIssueType(site, base, issue);
    case 'priority':
      return renderPriority(base, issue.priority);
    case 'labels':
      return [...issue.labels];
    case 'components':
      return issue.components.map((name) => {
        const id = site.componentIds.get(`${issue.projectKey}/${name}`) ?? '0';
        return { self: `${base}/rest/api/3/component/${id}`, id, name };
      });
    case 'parent': {
      const parent = issue.parentKey === null ? undefined : site.issuesByKey.get(issue.parentKey);
      return parent && parent.visibleToUser ? renderIssueRef(site, base, parent) : undefined;
    }
    case 'project':
      return renderProject(site, base, issue.projectKey);
    case 'issuelinks':
      return renderLinks(site, base, issue);
    case 'created':
    case 'updated':
    case 'resolutiondate': {
      const dates = site.dates.get(issue.key);
      const at = fieldId === 'resolutiondate' ? dates?.resolved : dates?.[fieldId];
      return at === undefined || at === null ? null : jiraDateTime(at, site.ws.user.timeZone);
    }
    case 'resolution':
      return site.dates.get(issue.key)?.resolved == null
        ? null
        : {
            self: `${base}/rest/api/3/resolution/10000`,
            id: '10000',
            description: 'Work has been completed on this issue.',
            name: 'Done',
          };
    case 'subtasks':
      return (site.children.get(issue.key) ?? [])
        .filter((child) => child.subtask && isReadable(child))
        .map((child) => renderIssueRef(site, base, child));
    default: {
      // An app field without a value is null, as Jira answers any custom field that is not set.
      const appValues = site.appFieldValues.get(fieldId);
      if (appValues) return appValues.get(issue.key) ?? null;
      return renderSiteField(site, base, issue, fieldId);
    }
  }
}

function renderProject(site: Site, base: string, projectKey: string) {
  const project = site.ws.projects.find((p) => p.key === projectKey);
  if (!project) return null;
  return {
    self: `${base}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: 'software',
    simplified: false,
    avatarUrls: avatarUrls(base, 'project', 10411),
  };
}

/**
 * Each link shows on both issues. On the outward issue X ("X blocks Y") Jira lists Y as `outwardIssue`;
 * on Y the mirror lists X as `inwardIssue` (see the SP-14/SP-15 recordings). Links to issues the user
 * cannot browse are left out; links to vanished issues stay.
 */
function renderLinks(site: Site, base: string, issue: WorkspaceIssue) {
  const ends = site.linkEnds.get(issue.key) ?? [];
  const types = new Map(site.ws.linkTypes.map((t) => [t.name, t]));
  return ends
    .filter((end) => end.other.visibleToUser)
    .map((end) => {
      const type = types.get(end.link.type);
      return {
        id: end.linkId,
        self: `${base}/rest/api/3/issueLink/${end.linkId}`,
        type: type
          ? { ...type, self: `${base}/rest/api/3/issueLinkType/${type.id}` }
          : { id: '0', name: end.link.type, inward: end.link.type, outward: end.link.type },
        [end.side === 'outward' ? 'outwardIssue' : 'inwardIssue']: renderIssueRef(site, base, end.other),
      };
    });
}

function renderSiteField(site: Site, base: string, issue: WorkspaceIssue, fieldId: string): unknown {
  const field = site.fields.get(fieldId);
  if (!field) return undefined;
  if (field.role === 'sprint') {
    const sprints = effectiveSprintIds(site.issuesByKey, issue).flatMap((id) => {
      const sprint = site.sprints.get(id);
      return sprint ? [renderSprintFieldEntry(sprint)] : [];
    });
    return sprints.length > 0 ? sprints : null;
  }
  if (field.role === 'rank') return `0|i${(site.rank.get(issue.key) ?? 0).toString(36).padStart(5, '0')}:`;
  const value = issue.fields[fieldId];
  if (value === undefined || value === null) return null;
  const option = (text: string) => {
    const id = site.optionIds.get(`${fieldId}/${text}`) ?? '0';
    return { self: `${base}/rest/api/3/customFieldOption/${id}`, value: text, id };
  };
  if (field.schemaType === 'option' && typeof value === 'string') return option(value);
  // Checkboxes (Flagged among them): a list of options, null when none is ticked (SP-1 recording).
  if (field.items === 'option' && Array.isArray(value)) return value.length > 0 ? value.map(option) : null;
  return Array.isArray(value) ? [...value] : value;
}
