import { z } from 'zod';

/**
 * An issue's history in plain words: who changed what, when. The simulator turns it into Jira's changelog
 * (status and sprint ids, option ids, the resolution Jira sets with a move into done) for
 * `/changelog/bulkfetch`, and derives the issue's resolution date from it.
 */

const instant = z.iso.datetime({ offset: true });

const changeSchema = z.discriminatedUnion('kind', [
  /** A workflow move, by status name. */
  z.object({ kind: z.literal('status'), from: z.string().min(1), to: z.string().min(1) }),
  /** Jira's Flagged marker (the "Impediment" option of the site's Flagged field) set or cleared. */
  z.object({ kind: z.literal('flag'), on: z.boolean() }),
  /** The issue's sprints before and after (ids): added, carried over, or removed. */
  z.object({
    kind: z.literal('sprint'),
    from: z.array(z.number().int().positive()),
    to: z.array(z.number().int().positive()),
  }),
  /** Any other custom field (story points, text, an option's text); null = empty. */
  z.object({
    kind: z.literal('field'),
    fieldId: z.string().min(1),
    from: z.union([z.number(), z.string(), z.null()]),
    to: z.union([z.number(), z.string(), z.null()]),
  }),
]);

export const changelogEntrySchema = z.object({
  /** ISO 8601 instant. */
  at: instant,
  /** Account id of whoever made the change; the site's main user when left out. */
  by: z.string().min(1).optional(),
  changes: z.array(changeSchema).min(1),
});

export type Change = z.infer<typeof changeSchema>;
export type ChangelogEntry = z.infer<typeof changelogEntrySchema>;
export type ChangelogEntryInput = z.input<typeof changelogEntrySchema>;

export { instant as instantSchema };

/** What the cross-check needs to know about the site. */
export interface HistoryContext {
  statusNames: ReadonlySet<string>;
  sprintIds: ReadonlySet<number>;
  accountIds: ReadonlySet<string>;
  fields: ReadonlyMap<string, { role?: string | undefined; schemaType: string }>;
  flaggedFieldId: string | undefined;
}

/** The parts of an issue its history must agree with. */
export interface IssueState {
  status: string;
  subtask: boolean;
  created: string | null;
  sprintIds: readonly number[];
  fields: Readonly<Record<string, unknown>>;
  changelog: readonly ChangelogEntry[];
}

const sorted = (ids: readonly number[]) => [...ids].sort((x, y) => x - y).join(',');
const sameSet = (a: readonly number[], b: readonly number[]) => sorted(a) === sorted(b);

/**
 * Problems with one issue's history, each as [path inside the issue, message]: entries out of order, unknown
 * statuses, sprints, people or fields, moves that do not start where the previous one ended, and a history
 * that does not end in the issue's current status, sprints, flag and field values.
 */
export function historyProblems(issue: IssueState, ctx: HistoryContext): [(string | number)[], string][] {
  const problems: [(string | number)[], string][] = [];
  let status: string | undefined;
  let sprints: readonly number[] | undefined;
  let flagged: boolean | undefined;
  const fieldValues = new Map<string, unknown>();
  let previous = issue.created === null ? -Infinity : Date.parse(issue.created);
  issue.changelog.forEach((entry, i) => {
    const at = (...rest: (string | number)[]) => ['changelog', i, ...rest];
    const time = Date.parse(entry.at);
    if (time < previous) problems.push([at('at'), 'is earlier than the entry before it (or the creation)']);
    previous = Math.max(previous, time);
    if (entry.by !== undefined && !ctx.accountIds.has(entry.by))
      problems.push([at('by'), `no person with account id "${entry.by}"`]);
    entry.changes.forEach((change, j) => {
      const here = at('changes', j);
      switch (change.kind) {
        case 'status':
          for (const name of [change.from, change.to])
            if (!ctx.statusNames.has(name)) problems.push([here, `no status "${name}"`]);
          if (status !== undefined && change.from !== status)
            problems.push([here, `moves from "${change.from}" but the issue was in "${status}"`]);
          status = change.to;
          break;
        case 'sprint':
          if (issue.subtask) problems.push([here, 'a sub-task is in its parent’s sprints']);
          for (const id of [...change.from, ...change.to])
            if (!ctx.sprintIds.has(id)) problems.push([here, `no sprint ${id}`]);
          if (sprints !== undefined && !sameSet(change.from, sprints))
            problems.push([
              here,
              `starts from sprints [${change.from.join(', ')}], not [${sprints.join(', ')}]`,
            ]);
          sprints = change.to;
          break;
        case 'flag':
          if (ctx.flaggedFieldId === undefined) problems.push([here, 'the site has no Flagged field']);
          flagged = change.on;
          break;
        case 'field': {
          const field = ctx.fields.get(change.fieldId);
          if (!field) problems.push([here, `no field "${change.fieldId}"`]);
          else if (field.role === 'sprint' || field.role === 'flagged' || field.role === 'rank')
            problems.push([
              here,
              `record ${field.role} changes with kind "${field.role === 'flagged' ? 'flag' : field.role}"`,
            ]);
          else if (!['number', 'string', 'option'].includes(field.schemaType))
            problems.push([here, `changes of ${field.schemaType} fields are not supported`]);
          fieldValues.set(change.fieldId, change.to);
          break;
        }
      }
    });
  });
  const end = ['changelog'];
  if (status !== undefined && status !== issue.status)
    problems.push([end, `ends in status "${status}", but the issue is in "${issue.status}"`]);
  if (sprints !== undefined && !sameSet(sprints, issue.sprintIds))
    problems.push([
      end,
      `ends in sprints [${sprints.join(', ')}], but the issue is in [${issue.sprintIds.join(', ')}]`,
    ]);
  if (flagged !== undefined && ctx.flaggedFieldId !== undefined) {
    const value = issue.fields[ctx.flaggedFieldId];
    const isFlagged = Array.isArray(value) && value.length > 0;
    if (flagged !== isFlagged)
      problems.push([
        end,
        `ends ${flagged ? 'flagged' : 'unflagged'}, but the issue ${isFlagged ? 'is' : 'is not'} flagged`,
      ]);
  }
  for (const [fieldId, value] of fieldValues) {
    if ((issue.fields[fieldId] ?? null) !== value)
      problems.push([
        end,
        `ends with ${fieldId} = ${JSON.stringify(value)}, but the issue has ${JSON.stringify(issue.fields[fieldId] ?? null)}`,
      ]);
  }
  return problems;
}
