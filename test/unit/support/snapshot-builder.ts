import type {
  Dependency,
  FieldValue,
  IssueSnapshot,
  PlanSnapshot,
  SiteField,
} from '../../../src/domain/snapshot';
import { toFieldValue, type JiraFieldSchema } from '../../../src/jira/field-values';

/** Field values as the Jira adapter hands them to the domain, from Jira's JSON by field id. */
export function fromJira(
  raw: Record<string, unknown>,
  schemas: Record<string, JiraFieldSchema> = {},
): Record<string, FieldValue> {
  return Object.fromEntries(
    Object.entries(raw).map(([fieldId, value]) => [fieldId, toFieldValue(value, schemas[fieldId])]),
  );
}

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
