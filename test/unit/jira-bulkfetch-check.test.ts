/**
 * The bulkfetch answer is checked by hand (zod was too slow for 5,000 issues); these tests hold the hand-written
 * check to the zod schema it replaces: the same answers accepted and rejected, the same values read.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bulkFetchSchema, checkBulkFetchPage } from '../../src/jira/schemas';

const clone = <T>(value: T): T => structuredClone(value);

const id = fc.oneof(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 99_999 }).map(String));
const key = fc.integer({ min: 1, max: 999 }).map((n) => `CV-${n}`);
/** A key that may be missing, null, or hold a value of its own kind. */
const maybe = <T>(value: fc.Arbitrary<T>) =>
  fc.option(fc.option(value, { nil: null }), { nil: undefined, freq: 3 });

const linkedIssue = fc.record({
  id,
  key,
  fields: fc.constant({ summary: 'other', status: { name: 'Done' } }),
});
const link = fc.record(
  {
    id: fc.string(),
    type: fc.record({ name: fc.constantFrom('Blocks', 'Relates'), inward: fc.string() }),
    inwardIssue: linkedIssue,
    outwardIssue: linkedIssue,
  },
  { requiredKeys: ['type'] },
);
const fields = fc.record({
  summary: maybe(fc.string()),
  status: maybe(
    fc.record(
      { name: fc.string(), id: fc.string(), statusCategory: fc.record({ key: fc.string(), id: fc.nat() }) },
      { requiredKeys: ['name'] },
    ),
  ),
  issuetype: maybe(fc.record({ name: fc.string(), subtask: fc.boolean() }, { requiredKeys: ['name'] })),
  labels: maybe(fc.array(fc.string(), { maxLength: 3 })),
  components: maybe(fc.array(fc.record({ name: fc.string(), id: fc.string() }), { maxLength: 2 })),
  parent: maybe(fc.record({ key, id })),
  project: maybe(fc.record({ key: fc.string(), avatarUrls: fc.object() })),
  issuelinks: maybe(fc.array(link, { maxLength: 3 })),
  customfield_10016: maybe(fc.jsonValue()),
});
const issue = fc.record(
  {
    id,
    key,
    self: fc.string(),
    fields,
    properties: fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 2 }),
  },
  { requiredKeys: ['id', 'key', 'fields'] },
);
const page = fc.record(
  {
    issues: fc.array(issue, { maxLength: 3 }),
    issueErrors: fc.array(
      fc.record({ id, errorMessage: fc.string(), status: fc.nat() }, { requiredKeys: [] }),
      {
        maxLength: 2,
      },
    ),
  },
  { requiredKeys: ['issues'] },
);

/** Every place in a JSON value, as a path of keys. */
function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const here = [path];
  if (Array.isArray(value))
    return here.concat(...value.map((each, index) => pathsOf(each, [...path, index])));
  if (typeof value === 'object' && value !== null)
    return here.concat(...Object.entries(value).map(([name, each]) => pathsOf(each, [...path, name])));
  return here;
}

/** Replaces (or deletes, for `undefined`) the value at one path; the root is replaced whole. */
function mutate(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = clone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

/** `value` with only the keys `like` has, at every level: the part of a kept object a schema would return. */
function restrictTo(value: unknown, like: unknown): unknown {
  if (Array.isArray(like) && Array.isArray(value))
    return like.map((each, index) => restrictTo(value[index], each));
  if (typeof like === 'object' && like !== null && typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(like).map(([name, each]) => [name, restrictTo(record[name], each)]),
    );
  }
  return value;
}

/** A valid page with one place replaced by any JSON value, deleted, or left alone. */
const anyAnswer = fc
  .tuple(
    page,
    fc.nat(),
    fc.option(fc.oneof(fc.jsonValue(), fc.constantFrom(undefined, null, 1, 'text', true, [], {})), {
      freq: 4,
    }),
  )
  .map(([valid, pick, replacement]) => {
    if (replacement === null) return valid;
    const paths = pathsOf(valid);
    return mutate(valid, paths[pick % paths.length]!, replacement);
  });

/** Both verdicts on one answer: the same acceptance, the same values read, or the hand check's field among zod's. */
function expectSameVerdict(answer: unknown): void {
  const byZod = bulkFetchSchema.safeParse(clone(answer));
  const byHand = checkBulkFetchPage(clone(answer));
  expect(byHand.ok).toBe(byZod.success);
  if (byHand.ok) {
    // Jira's extra keys stay on the hand-checked objects; what the schema reads is the same.
    expect(restrictTo(byHand.value, byZod.data)).toEqual(byZod.data);
  } else {
    const zodPaths = byZod.error!.issues.map((each) => each.path.join('.') || '(body)');
    expect(zodPaths).toContain(byHand.problem.path);
  }
}

/** One issue with every field the schema reads, and one link of each side. */
const FULL_PAGE = {
  issues: [
    {
      id: 10001,
      key: 'CV-1',
      fields: {
        summary: 'Label images',
        status: { name: 'To Do', statusCategory: { key: 'new' } },
        issuetype: { name: 'Story', subtask: false },
        labels: ['data'],
        components: [{ name: 'Vision' }],
        parent: { key: 'CV-9' },
        project: { key: 'CV' },
        issuelinks: [
          { type: { name: 'Blocks' }, outwardIssue: { id: 10002, key: 'CV-2' } },
          { type: { name: 'Blocks' }, inwardIssue: { id: '10003', key: 'CV-3' } },
        ],
      },
      properties: { 'ml-lanes-lane': { lane: 'data' } },
    },
  ],
  issueErrors: [{ id: 10004, errorMessage: 'gone' }],
};

describe('the bulkfetch check', () => {
  it('agrees with the zod schema when any one value of a full answer is missing, null or of another type', () => {
    for (const path of pathsOf(FULL_PAGE)) {
      for (const replacement of [undefined, null, 1, 'text', true, [], {}]) {
        expectSameVerdict(mutate(FULL_PAGE, path, replacement));
      }
    }
  });

  it('accepts and rejects exactly what the zod schema does, and reads the same values', () => {
    fc.assert(fc.property(anyAnswer, expectSameVerdict), { numRuns: 1000 });
  });

  it('names the first wrong field of a malformed answer', () => {
    const answer = {
      issues: [
        { id: '1', key: 'CV-1', fields: { summary: 'ok' } },
        {
          id: '2',
          key: 'CV-2',
          fields: { issuelinks: [{ type: { name: 'Blocks' }, inwardIssue: { id: 3 } }] },
        },
      ],
    };
    expect(checkBulkFetchPage(answer)).toEqual({
      ok: false,
      problem: { path: 'issues.1.fields.issuelinks.0.inwardIssue.key', problem: 'is missing' },
    });
    expect(checkBulkFetchPage({ issues: [{ id: true, key: 'CV-1', fields: {} }] })).toEqual({
      ok: false,
      problem: { path: 'issues.0.id', problem: 'expected a string or number, got boolean' },
    });
  });

  it('turns numeric ids into strings, as the schema does', () => {
    const checked = checkBulkFetchPage({
      issues: [
        {
          id: 10001,
          key: 'CV-1',
          fields: { issuelinks: [{ type: { name: 'Blocks' }, outwardIssue: { id: 10002, key: 'CV-2' } }] },
        },
      ],
      issueErrors: [{ id: 10003, errorMessage: 'gone' }],
    });
    expect(checked.ok && checked.value.issues[0]!.id).toBe('10001');
    expect(checked.ok && checked.value.issues[0]!.fields.issuelinks?.[0]?.outwardIssue?.id).toBe('10002');
    expect(checked.ok && checked.value.issueErrors?.[0]?.id).toBe('10003');
  });

  it('accepts issues recorded from real Jira Cloud sites', () => {
    const real = (file: string): unknown =>
      JSON.parse(readFileSync(join(__dirname, '../fixtures/jira-real', file), 'utf8'));
    const issues = [
      ...['SP-13.json', 'SP-14.json', 'SP-15.json'].map((file) => real(`jirametrics/${file}`)),
      ...(real('go-atlassian/get-issues-by-sprint.json') as { issues: unknown[] }).issues,
      ...(real('go-jira/issues_in_sprint.json') as { issues: unknown[] }).issues,
    ];
    const checked = checkBulkFetchPage({ issues: clone(issues) });
    expect(checked.ok).toBe(true);
    const expected = bulkFetchSchema.parse({ issues });
    expect(checked.ok && restrictTo(checked.value, expected)).toEqual(expected);
  });
});
