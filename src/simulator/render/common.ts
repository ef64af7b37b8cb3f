import type { Site, StatusInfo } from '../site';
import type { WorkspaceIssue } from '../workspace';

/** Small Jira objects shared by issue fields, linked issues and parents, in Jira Cloud's shapes. */

export const CATEGORIES = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
} as const;

const PRIORITY_IDS: Record<string, string> = { Highest: '1', High: '2', Medium: '3', Low: '4', Lowest: '5' };

export function renderStatus(base: string, status: StatusInfo) {
  const category = CATEGORIES[status.categoryKey];
  return {
    self: `${base}/rest/api/3/status/${status.id}`,
    description: '',
    iconUrl: `${base}/`,
    name: status.name,
    id: status.id,
    statusCategory: { self: `${base}/rest/api/3/statuscategory/${category.id}`, ...category },
  };
}

export function renderIssueType(site: Site, base: string, issue: WorkspaceIssue) {
  const id = site.issueTypeIds.get(issue.issueType) ?? '10001';
  return {
    self: `${base}/rest/api/3/issuetype/${id}`,
    id,
    description: '',
    iconUrl: `${base}/rest/api/2/universal_avatar/view/type/issuetype/avatar/10315?size=medium`,
    name: issue.issueType,
    subtask: issue.subtask,
    avatarId: 10315,
    hierarchyLevel: issue.subtask ? -1 : issue.issueType === 'Epic' ? 1 : 0,
  };
}

export function renderPriority(base: string, name: string) {
  const id = PRIORITY_IDS[name] ?? '3';
  return {
    self: `${base}/rest/api/3/priority/${id}`,
    iconUrl: `${base}/images/icons/priorities/${name.toLowerCase()}.svg`,
    name,
    id,
  };
}

/** The short issue Jira embeds in links and `parent`: id, key, self and four fields. */
export function renderIssueRef(site: Site, base: string, issue: WorkspaceIssue) {
  const status = site.statuses.get(issue.status);
  return {
    id: issue.id,
    key: issue.key,
    self: `${base}/rest/api/3/issue/${issue.id}`,
    fields: {
      summary: issue.summary,
      ...(status ? { status: renderStatus(base, status) } : {}),
      priority: renderPriority(base, issue.priority),
      issuetype: renderIssueType(site, base, issue),
    },
  };
}

export function avatarUrls(base: string, kind: 'project' | 'user', avatarId: number) {
  const url = `${base}/rest/api/2/universal_avatar/view/type/${kind}/avatar/${avatarId}`;
  return {
    '48x48': url,
    '24x24': `${url}?size=small`,
    '16x16': `${url}?size=xsmall`,
    '32x32': `${url}?size=medium`,
  };
}

/** A person as Jira's UserDetails (changelog authors); unknown account ids get Jira's fallback values. */
export function renderUser(site: Site, base: string, accountId: string) {
  const person = site.people.get(accountId);
  return {
    self: `${base}/rest/api/3/user?accountId=${encodeURIComponent(accountId)}`,
    accountId,
    ...(person?.emailAddress === undefined ? {} : { emailAddress: person.emailAddress }),
    avatarUrls: avatarUrls(base, 'user', 10122),
    displayName: person?.displayName ?? 'Former user',
    active: person !== undefined,
    timeZone: person?.timeZone ?? 'Etc/GMT',
    accountType: 'atlassian',
  };
}
