import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createValidators, loadSpec } from './openapi';

/**
 * Where Atlassian's OpenAPI spec disagrees with real Cloud responses. Each patch in openapi.ts is justified
 * here: the unpatched spec rejects a real recording, the patched one accepts it. If Atlassian fixes the
 * spec, the "unpatched rejects" expectations fail and the patch can go.
 */

const FIXTURES = join(__dirname, '..', 'fixtures');
const load = (file: string) =>
  JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Record<string, unknown>;
const field = (issue: Record<string, unknown>, name: string) =>
  (issue.fields as Record<string, unknown>)[name];

const unpatched = createValidators({ patched: false });
const patched = createValidators({ patched: true });
const sp15 = load('jira-real/jirametrics/SP-15.json');
const CONFIG = '/rest/agile/1.0/board/{boardId}/configuration';

test.each([
  [
    'IssueLink requires both inwardIssue and outwardIssue; real links hold one',
    'IssueLink',
    (field(sp15, 'issuelinks') as unknown[])[0],
  ],
  [
    'CustomFieldOption forbids the `id` real option values carry',
    'CustomFieldOption',
    (field(sp15, 'customfield_10021') as unknown[])[0],
  ],
])('%s', (_title, schema, realValue) => {
  expect(unpatched.schema('platform', schema)(realValue)).toBe(false);
  expect(patched.schema('platform', schema)(realValue)).toBe(true);
});

test('FieldDetails forbids the `untranslatedName` real /field entries carry', () => {
  const realFields = load('jira-real/ferry_GET_field_cloud.json');
  expect(unpatched.response('platform', '/rest/api/3/field', 'get')(realFields)).toBe(false);
  expect(patched.response('platform', '/rest/api/3/field', 'get')(realFields)).toBe(true);
});

test('board configuration `location` is {projectKeyOrId, type} in the spec, {type, key, id, self, name} for real', () => {
  for (const file of [
    'jira-real/go-atlassian/get-board-config.json',
    'jira-real/jirametrics/sample_board_1_configuration.json',
  ]) {
    expect(unpatched.response('software', CONFIG, 'get')(load(file))).toBe(false);
    expect(patched.response('software', CONFIG, 'get')(load(file))).toBe(true);
  }
  // Atlassian's own example disagrees with its schema too.
  expect(
    unpatched.response(
      'software',
      CONFIG,
      'get',
    )(load('jira-openapi/spec-examples/agile_GET_board_boardId_configuration.200.json')),
  ).toBe(false);
});

test('the bulkfetch example carries `expand`, which BulkIssueResults forbids (the simulator leaves it out)', () => {
  const example = load('jira-openapi/spec-examples/platform_POST_issue_bulkfetch.200.json');
  expect(patched.response('platform', '/rest/api/3/issue/bulkfetch', 'post')(example)).toBe(false);
  const withoutExpand = Object.fromEntries(Object.entries(example).filter(([key]) => key !== 'expand'));
  expect(patched.response('platform', '/rest/api/3/issue/bulkfetch', 'post')(withoutExpand)).toBe(true);
});

test('real changelog items have `from: null`, which ChangeDetails does not allow', () => {
  for (const key of ['SP-13', 'SP-14', 'SP-15']) {
    const issue = load(`jira-real/jirametrics/${key}.json`);
    expect(unpatched.schema('platform', 'IssueBean')(issue)).toBe(false);
    expect(patched.schema('platform', 'IssueBean')(issue)).toBe(true);
  }
});

test('the spec’s own /changelog/bulkfetch example sends `created` as a number, which Changelog forbids', () => {
  const platform = loadSpec('jira-platform-v3.openapi.json') as {
    paths: Record<
      string,
      { post: { responses: Record<string, { content: Record<string, { example: string }> }> } }
    >;
  };
  const example = JSON.parse(
    platform.paths['/rest/api/3/changelog/bulkfetch']?.post.responses['200']?.content['application/json']
      ?.example ?? 'null',
  ) as { issueChangeLogs: { changeHistories: { created: unknown }[] }[] };
  expect(typeof example.issueChangeLogs[0]?.changeHistories[0]?.created).toBe('number');
  const path = '/rest/api/3/changelog/bulkfetch';
  expect(unpatched.response('platform', path, 'post')(example)).toBe(false);
  expect(patched.response('platform', path, 'post')(example)).toBe(true);
});

test('sprint endpoints have no response schema; real pages fit SprintBean values without `total`', () => {
  const page = load('jira-real/go-atlassian/get-board-sprints.json');
  expect(page).not.toHaveProperty('total');
  expect(patched.schema('software', 'SimulatorSprintPage')(page)).toBe(true);
});

test('the validators are not vacuous: search/jql rejects a `total` and a bad issue list', () => {
  const validate = patched.response('platform', '/rest/api/3/search/jql', 'post');
  expect(validate({ issues: [], isLast: true })).toBe(true);
  expect(validate({ issues: [], isLast: true, total: 3 })).toBe(false);
  expect(validate({ issues: 'none', isLast: true })).toBe(false);
});
