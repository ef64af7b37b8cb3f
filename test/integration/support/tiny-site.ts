import type { Workspace } from '../../../src/simulator';

type IssueInput = Workspace['issues'][number];

/** A one-board site for targeted adapter tests; field ids differ from the demo's on purpose. */
export const TINY = {
  boardId: 7,
  sprintId: 70,
  nextSprintId: 71,
  storyPoints: 'customfield_20001',
  sprint: 'customfield_20002',
  iaa: 'customfield_20003',
  modelFamily: 'customfield_20004',
  notes: 'customfield_20005',
} as const;

let nextId = 50000;

export function tinyIssue(key: string, rest: Partial<IssueInput> = {}): IssueInput {
  nextId += 1;
  return {
    key,
    id: String(nextId),
    projectKey: 'TY',
    summary: `Issue ${key}`,
    status: 'To Do',
    sprintIds: [TINY.sprintId],
    ...rest,
  };
}

export function tinySite(
  issues: IssueInput[],
  links: NonNullable<Workspace['links']> = [],
  extraFields: Workspace['fields'] = [],
): Workspace {
  return {
    name: 'tiny',
    credentials: { email: 'qa@example.com', apiToken: 'secret' },
    fields: [
      { id: TINY.sprint, name: 'Sprint', schemaType: 'array', items: 'json', role: 'sprint' },
      { id: TINY.storyPoints, name: 'Story point estimate', schemaType: 'number', role: 'story-points' },
      ...extraFields,
    ],
    linkTypes: [
      { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
      { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
      { id: '10100', name: 'Depends', inward: 'is depended on by', outward: 'depends on' },
    ],
    projects: [{ key: 'TY', id: '20000', name: 'Tiny', components: ['Data', 'Model Training'] }],
    boards: [
      {
        id: TINY.boardId,
        name: 'Tiny board',
        type: 'scrum',
        projectKey: 'TY',
        estimationFieldId: TINY.storyPoints,
      },
    ],
    sprints: [
      { id: TINY.sprintId, boardId: TINY.boardId, name: 'Tiny 1', state: 'active' },
      { id: TINY.nextSprintId, boardId: TINY.boardId, name: 'Tiny 2', state: 'future' },
    ],
    statuses: [
      { name: 'To Do', categoryKey: 'new' },
      { name: 'In Progress', categoryKey: 'indeterminate' },
      { name: 'Done', categoryKey: 'done' },
    ],
    issues,
    links,
  };
}

export const TINY_AUTH = { email: 'qa@example.com', apiToken: 'secret' };
