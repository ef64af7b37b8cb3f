import type { Dependency, IssueSnapshot, PlanSnapshot, SiteField } from '../../../src/domain/snapshot';

/** An in-scope, unfinished Task with nothing on it; override what the test is about. */
export function issue(key: string, overrides: Partial<IssueSnapshot> = {}): IssueSnapshot {
  return {
    key,
    summary: `Issue ${key}`,
    issueType: 'Task',
    isSubtask: false,
    parentKey: null,
    projectKey: key.split('-')[0] ?? key,
    status: 'To Do',
    statusCategory: 'new',
    labels: [],
    components: [],
    storyPoints: null,
    inScope: true,
    hidden: false,
    sprintName: null,
    fieldValues: {},
    dodChecked: {},
    laneOverride: null,
    ...overrides,
  };
}

/** What Jira returns for a linked issue the user may not see. */
export function hiddenIssue(key: string): IssueSnapshot {
  return issue(key, {
    summary: '',
    issueType: '',
    status: '',
    statusCategory: 'undefined',
    inScope: false,
    hidden: true,
  });
}

/** `upstream` blocks `downstream`. */
export function blocks(upstream: string, downstream: string, linkType = 'Blocks'): Dependency {
  return { upstream, downstream, linkType };
}

export function snapshot(
  issues: IssueSnapshot[],
  dependencies: Dependency[] = [],
  siteFields: SiteField[] = [],
): PlanSnapshot {
  return {
    site: 'example.atlassian.net',
    board: { id: 1, name: 'CV board' },
    sprint: { id: 7, name: 'CV Sprint 7', state: 'active', goal: null, startDate: null, endDate: null },
    issues,
    dependencies,
    siteFields,
    warnings: [],
  };
}
