/**
 * The adapter's schemas against responses recorded from real Jira sites (test/fixtures/jira-real, see PROVENANCE.md).
 * If Atlassian's real answers do not parse, the adapter would fail on a real site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../../src/config/defaults';
import { buildFieldCatalog } from '../../src/jira/fields';
import {
  boardConfigurationSchema,
  boardSchema,
  fieldListSchema,
  issueSchema,
  sprintPageSchema,
} from '../../src/jira/schemas';
import { readDependencies, toIssueSnapshot } from '../../src/jira/to-snapshot';

const real = (path: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '../fixtures/jira-real', path), 'utf8'));

describe('recorded Jira Cloud responses parse with the adapter schemas', () => {
  it.each(['jirametrics/SP-13.json', 'jirametrics/SP-14.json', 'jirametrics/SP-15.json'])(
    'issue %s',
    (path) => {
      expect(issueSchema.safeParse(real(path)).success).toBe(true);
    },
  );

  it.each([
    'go-atlassian/get-issues-by-sprint.json',
    'go-atlassian/get-board-issues.json',
    'go-atlassian/get-board-backlog.json',
    'go-jira/issues_in_sprint.json',
  ])('every issue in %s', (path) => {
    const { issues } = real(path) as { issues: unknown[] };
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(issueSchema.safeParse(issue).error).toBeUndefined();
  });

  it.each([
    'go-atlassian/get-board-config.json',
    'jirametrics/sample_board_1_configuration.json',
    'go-jira/board_configuration.json',
  ])('board configuration %s', (path) => {
    expect(boardConfigurationSchema.safeParse(real(path)).error).toBeUndefined();
  });

  it.each(['go-atlassian/get-board-sprints.json', 'go-jira/sprints.json'])('sprint page %s', (path) => {
    const parsed = sprintPageSchema.safeParse(real(path));
    expect(parsed.error).toBeUndefined();
    expect(parsed.data?.values.length).toBeGreaterThan(0);
  });

  it('every board in go-jira/all_boards.json', () => {
    const { values } = real('go-jira/all_boards.json') as { values: unknown[] };
    for (const board of values) expect(boardSchema.safeParse(board).error).toBeUndefined();
  });

  it('the field list of a Cloud site, finding sprint and story point fields by type, not by id', () => {
    const fields = fieldListSchema.parse(real('ferry_GET_field_cloud.json'));
    const catalog = buildFieldCatalog(fields, defaultConfig(), null);
    expect(catalog.sprintFieldId).toBe('customfield_10020');
    // "Story point estimate" (jsw-story-points) is Jira's own; a board's estimation field would win over it.
    expect(catalog.storyPointsFieldId).toBe('customfield_10016');
    expect(buildFieldCatalog(fields, defaultConfig(), 'customfield_10026').storyPointsFieldId).toBe(
      'customfield_10026',
    );
  });

  it('the board configuration names its estimation field', () => {
    const config = boardConfigurationSchema.parse(real('go-atlassian/get-board-config.json'));
    expect(config.estimation?.field?.fieldId).toBe('customfield_10036');
  });
});

describe('link direction, exactly as Jira records it (SP-14 blocks SP-15)', () => {
  const linkTypes = defaultConfig().dependencyLinkTypes;

  it('reads SP-14 as upstream from the blocked issue SP-15 (inwardIssue)', () => {
    const { dependencies } = readDependencies(issueSchema.parse(real('jirametrics/SP-15.json')), linkTypes);
    expect(dependencies).toContainEqual({ upstream: 'SP-14', downstream: 'SP-15', linkType: 'Blocks' });
  });

  it('reads the same dependency from the blocking issue SP-14 (outwardIssue)', () => {
    const { dependencies } = readDependencies(issueSchema.parse(real('jirametrics/SP-14.json')), linkTypes);
    expect(dependencies).toContainEqual({ upstream: 'SP-14', downstream: 'SP-15', linkType: 'Blocks' });
  });

  it('ignores link types that are not dependencies (Cloners)', () => {
    const issue = issueSchema.parse(real('jirametrics/SP-15.json'));
    const linkTypesSeen = (issue.fields.issuelinks ?? []).map((link) => link.type.name);
    expect(linkTypesSeen).toContain('Cloners');
    const { dependencies } = readDependencies(issue, linkTypes);
    expect(dependencies.every((dependency) => dependency.linkType === 'Blocks')).toBe(true);
  });

  it('maps a real issue onto the domain snapshot', () => {
    const issue = issueSchema.parse(real('jirametrics/SP-14.json'));
    const snapshot = toIssueSnapshot(
      issue,
      {
        siteFields: [],
        sprintFieldId: 'customfield_10020',
        storyPointsFieldId: null,
        dodFieldIds: [],
        ruleFieldIds: [],
        valueSchemas: new Map(),
      },
      true,
    );
    expect(snapshot).toMatchObject({
      key: 'SP-14',
      summary: 'Save credit card information',
      statusCategory: 'done',
    });
  });
});
