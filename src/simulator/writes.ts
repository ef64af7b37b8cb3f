import { CATEGORIES } from './render/common';
import type { SimChangelogItem, SimIssueEvent, SimIssueLinkEvent, SimStatusRef } from './events';
import { issueDates, type LinkEnd, type Site } from './site';
import type { ChangelogEntry } from './changelog';
import type { WorkspaceIssue, WorkspaceLink } from './workspace';

/**
 * What the simulator's write endpoints change on the site (a status, a summary or labels, a link), each returning
 * the event Jira would send a Forge trigger for it. The issue's history grows as Jira's would, so changelogs,
 * resolution dates and JQL stay true to the new state.
 */

export function statusRef(site: Site, name: string): SimStatusRef {
  const status = site.statuses.get(name);
  if (!status) throw new Error(`no status "${name}"`);
  const { id, key, name: categoryName } = CATEGORIES[status.categoryKey];
  return { id: status.id, name: status.name, statusCategory: { id, key, name: categoryName } };
}

function issueSummary(site: Site, issue: WorkspaceIssue): SimIssueEvent['issue'] {
  const project = site.ws.projects.find((p) => p.key === issue.projectKey);
  return {
    id: issue.id,
    key: issue.key,
    fields: {
      summary: issue.summary,
      status: statusRef(site, issue.status),
      project: { id: project?.id ?? '0', key: issue.projectKey },
    },
  };
}

/** Appends a history entry at the site's clock (never before the issue's last change) and returns its id. */
function recordHistory(
  site: Site,
  issue: WorkspaceIssue,
  by: string,
  changes: ChangelogEntry['changes'],
): string {
  const last = issue.changelog[issue.changelog.length - 1];
  const clock = site.ws.now ? Date.parse(site.ws.now) : Date.now();
  const at = Math.max(clock, last ? Date.parse(last.at) + 1000 : clock);
  issue.changelog.push({ at: new Date(at).toISOString(), by, changes });
  const id = String(site.next.historyId++);
  const ids = site.historyIds.get(issue.key) ?? [];
  ids[issue.changelog.length - 1] = id;
  site.historyIds.set(issue.key, ids);
  site.dates.set(issue.key, issueDates(issue, site.statuses, site.ws.now));
  return id;
}

/** Moves the issue to `to` (a status name the site has); the status's category sets or clears its resolution. */
export function transitionIssue(site: Site, issue: WorkspaceIssue, to: string, by: string): SimIssueEvent {
  const from = issue.status;
  const before = statusRef(site, from);
  const after = statusRef(site, to);
  issue.status = to;
  const historyId = recordHistory(site, issue, by, [{ kind: 'status', from, to }]);
  return {
    eventType: 'avi:jira:updated:issue',
    atlassianId: by,
    issue: issueSummary(site, issue),
    associatedStatuses: [after, before],
    changelog: {
      id: historyId,
      items: [
        {
          field: 'status',
          fieldtype: 'jira',
          fieldId: 'status',
          from: before.id,
          fromString: before.name,
          to: after.id,
          toString: after.name,
        },
      ],
    },
  };
}

export interface IssueEdit {
  summary?: string;
  labels?: string[];
}

/** Applies an edit of the summary or labels; null when nothing changed (Jira sends no event then). */
export function editIssue(
  site: Site,
  issue: WorkspaceIssue,
  edit: IssueEdit,
  by: string,
): SimIssueEvent | null {
  const items: SimChangelogItem[] = [];
  if (edit.summary !== undefined && edit.summary !== issue.summary) {
    items.push({
      field: 'summary',
      fieldtype: 'jira',
      fieldId: 'summary',
      from: null,
      fromString: issue.summary,
      to: null,
      toString: edit.summary,
    });
    issue.summary = edit.summary;
  }
  if (edit.labels !== undefined) {
    const labels = [...new Set(edit.labels)];
    if (labels.join(' ') !== issue.labels.join(' ')) {
      items.push({
        field: 'labels',
        fieldtype: 'jira',
        fieldId: 'labels',
        from: null,
        fromString: issue.labels.join(' '),
        to: null,
        toString: labels.join(' '),
      });
      issue.labels = labels;
    }
  }
  if (items.length === 0) return null;
  // The plain-words history has no kind for summary or labels: Jira's own history is not modelled for them.
  const historyId = String(site.next.historyId++);
  const dates = site.dates.get(issue.key);
  const clock = site.ws.now ? Date.parse(site.ws.now) : Date.now();
  if (dates) site.dates.set(issue.key, { ...dates, updated: Math.max(dates.updated, clock) });
  return {
    eventType: 'avi:jira:updated:issue',
    atlassianId: by,
    issue: issueSummary(site, issue),
    changelog: { id: historyId, items },
  };
}

function linkEvent(
  site: Site,
  eventType: SimIssueLinkEvent['eventType'],
  linkId: string,
  link: WorkspaceLink,
  by: string,
): SimIssueLinkEvent {
  const type = site.ws.linkTypes.find((t) => t.name === link.type);
  const idOf = (key: string) => Number(site.issuesByKey.get(key)?.id ?? 0);
  return {
    eventType,
    atlassianId: by,
    id: Number(linkId),
    sourceIssueId: idOf(link.outward),
    destinationIssueId: idOf(link.inward),
    issueLinkType: {
      id: type?.id ?? '0',
      name: link.type,
      inwardName: type?.inward ?? link.type,
      outwardName: type?.outward ?? link.type,
    },
    systemLink: false,
  };
}

function addEnd(site: Site, key: string, end: LinkEnd): void {
  const ends = site.linkEnds.get(key);
  if (ends) ends.push(end);
  else site.linkEnds.set(key, [end]);
}

/** Links `outward` to `inward` ("outward blocks inward"); the caller has checked that the type and issues exist. */
export function createLink(
  site: Site,
  type: string,
  outward: WorkspaceIssue,
  inward: WorkspaceIssue,
  by: string,
): SimIssueLinkEvent {
  const linkId = String(site.next.linkId++);
  const link: WorkspaceLink = { type, outward: outward.key, inward: inward.key, id: linkId };
  site.ws.links.push(link);
  addEnd(site, outward.key, { linkId, link, other: inward, side: 'outward' });
  addEnd(site, inward.key, { linkId, link, other: outward, side: 'inward' });
  return linkEvent(site, 'avi:jira:created:issuelink', linkId, link, by);
}

/** The link with this id, if the site has it. */
export function findLink(site: Site, linkId: string): WorkspaceLink | undefined {
  for (const ends of site.linkEnds.values()) {
    const end = ends.find((each) => each.linkId === linkId);
    if (end) return end.link;
  }
  return undefined;
}

/** Removes the link from both issues; null when there is no such link. */
export function deleteLink(site: Site, linkId: string, by: string): SimIssueLinkEvent | null {
  const link = findLink(site, linkId);
  if (!link) return null;
  for (const key of [link.outward, link.inward]) {
    const ends = site.linkEnds.get(key)?.filter((end) => end.linkId !== linkId) ?? [];
    site.linkEnds.set(key, ends);
  }
  const at = site.ws.links.indexOf(link);
  if (at >= 0) site.ws.links.splice(at, 1);
  return linkEvent(site, 'avi:jira:deleted:issuelink', linkId, link, by);
}

export interface NewIssue {
  projectKey: string;
  summary: string;
  issueType: string;
  labels: string[];
  /** Sprint ids; empty for the backlog. */
  sprintIds: number[];
}

/**
 * Adds an issue to the site in its first To Do status, ranked last, with the next key of its project and the next id
 * of the site; the caller has checked that the project and sprints exist.
 */
export function createIssue(site: Site, fields: NewIssue, by: string): SimIssueEvent {
  const number =
    1 +
    site.ws.issues
      .filter((issue) => issue.projectKey === fields.projectKey)
      .reduce((most, issue) => Math.max(most, Number(issue.key.split('-')[1] ?? 0)), 0);
  const id = String(1 + site.ws.issues.reduce((most, issue) => Math.max(most, Number(issue.id)), 10000));
  const status = site.ws.statuses.find((each) => each.categoryKey === 'new') ?? site.ws.statuses[0];
  if (!status) throw new Error('the site has no statuses');
  const clock = site.ws.now ?? new Date().toISOString();
  const issue: WorkspaceIssue = {
    key: `${fields.projectKey}-${number}`,
    id,
    projectKey: fields.projectKey,
    summary: fields.summary,
    issueType: fields.issueType,
    subtask: false,
    parentKey: null,
    status: status.name,
    priority: 'Medium',
    labels: [...new Set(fields.labels)],
    components: [],
    sprintIds: [...fields.sprintIds],
    fields: {},
    properties: {},
    visibleToUser: true,
    vanished: false,
    created: clock,
    changelog: [],
  };
  site.ws.issues.push(issue);
  site.issuesByKey.set(issue.key, issue);
  site.issuesById.set(issue.id, issue);
  site.rank.set(issue.key, site.rank.size);
  site.properties.set(issue.key, new Map());
  site.historyIds.set(issue.key, []);
  site.dates.set(issue.key, issueDates(issue, site.statuses, site.ws.now));
  if (!site.issueTypeIds.has(issue.issueType))
    site.issueTypeIds.set(issue.issueType, String(10100 + site.issueTypeIds.size));
  for (const sprintId of issue.sprintIds) site.sprintIssues.get(sprintId)?.push(issue);
  return { eventType: 'avi:jira:created:issue', atlassianId: by, issue: issueSummary(site, issue) };
}
