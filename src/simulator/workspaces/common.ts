import type { Workspace } from '../workspace';

/** Pieces every bundled workspace shares: Jira Cloud's default link types and a four-status workflow. */

/** Jira Cloud's default link types, with their real ids (go-atlassian get_issue_link_types.json). */
export const DEFAULT_LINK_TYPES: Workspace['linkTypes'] = [
  { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
  { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
];

export const DEFAULT_STATUSES: Workspace['statuses'] = [
  { name: 'To Do', categoryKey: 'new', id: '10000' },
  { name: 'In Progress', categoryKey: 'indeterminate', id: '3' },
  { name: 'In Review', categoryKey: 'indeterminate', id: '10001' },
  { name: 'Done', categoryKey: 'done', id: '10002' },
];

/** Jira Software's Flagged field: checkboxes with the one option "Impediment" (its id as on the SP-1 recording). */
export function flaggedField(id: string): Workspace['fields'][number] {
  return {
    id,
    name: 'Flagged',
    schemaType: 'array',
    items: 'option',
    role: 'flagged',
    options: [{ id: '10019', value: 'Impediment' }],
  };
}

type IssueInput = Workspace['issues'][number];
type LinkInput = NonNullable<Workspace['links']>[number];

/** Shorthand for "`upstream` blocks `downstream`" (upstream is the link's outward issue). */
export function blocks(upstream: string, downstream: string): LinkInput {
  return { type: 'Blocks', outward: upstream, inward: downstream };
}

export function relates(a: string, b: string): LinkInput {
  return { type: 'Relates', outward: a, inward: b };
}

/** Builds issues of one project with ids derived from the key number (`idBase + n`). */
export function issueFactory(projectKey: string, idBase: number) {
  return (
    n: number,
    summary: string,
    rest: Omit<IssueInput, 'key' | 'id' | 'projectKey' | 'summary'>,
  ): IssueInput => ({
    key: `${projectKey}-${n}`,
    id: String(idBase + n),
    projectKey,
    summary,
    ...rest,
  });
}
