/**
 * Field values recorded from real Jira sites (test/fixtures/jira-real, see the PROVENANCE.md files) through the
 * adapter's converter: the domain gets what a person sees in each field, never Jira's JSON.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../../src/config/defaults';
import type { MlLanesConfig } from '../../src/config/schema';
import { buildPlan } from '../../src/domain/plan';
import type { FieldValue } from '../../src/domain/snapshot';
import { toFieldValue, type JiraFieldSchema } from '../../src/jira/field-values';
import { buildFieldCatalog } from '../../src/jira/fields';
import { fieldListSchema, issueSchema } from '../../src/jira/schemas';
import { toIssueSnapshot } from '../../src/jira/to-snapshot';

const real = (path: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '../fixtures/jira-real', path), 'utf8'));
const record = (value: unknown) => value as Record<string, unknown>;

/** A Cloud site's GET /field: each field's schema, looked up by display name. */
const SITE_FIELDS = fieldListSchema.parse(real('ferry_GET_field_cloud.json'));
function schemaOf(name: string): JiraFieldSchema {
  const schema = SITE_FIELDS.find((field) => field.name === name)?.schema;
  if (!schema) throw new Error(`no field "${name}" with a schema in the recorded field list`);
  return schema;
}
/** Custom field types that recorded field list lacks, as GET /field describes them. */
const URL_FIELD = { type: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:url' };
const TEXT_FIELD = { type: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield' };
const TEXTAREA = { type: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textarea' };
const CASCADING = {
  type: 'option-with-child',
  custom: 'com.atlassian.jira.plugin.system.customfieldtypes:cascadingselect',
};

const SP15 = record(record(real('jirametrics/SP-15.json')).fields);
const GO_JIRA_ISSUE = record(
  (record(real('go-jira/issues_in_sprint.json')).issues as Record<string, unknown>[])[0]?.fields,
);
const GO_ATLASSIAN = record(real('field-values/go-atlassian-custom-field-values.json'));
const goAtlassian = (test: string, fieldId: string) => record(GO_ATLASSIAN[test])[fieldId];
const ADF_DESCRIPTION = real('field-values/thetalake-INGSVC-4929-description.json');

/** What a changelog records a custom field was set to, by the field's name (the text a person saw). */
function changedTo(fieldName: string): string {
  const { issues } = real('go-atlassian/get-board-issues.json') as {
    issues: { changelog?: { histories: { items: { field: string; toString: string | null }[] }[] } }[];
  };
  for (const issue of issues)
    for (const history of issue.changelog?.histories ?? [])
      for (const item of history.items)
        if (item.field === fieldName && item.toString !== null) return item.toString;
  throw new Error(`no change of "${fieldName}" recorded`);
}

describe('every field type the lane rules and the Definition of Done read, as Jira sent it', () => {
  const cases: [string, unknown, JiraFieldSchema | undefined, FieldValue][] = [
    [
      'number (Story Points)',
      SP15.customfield_10036,
      schemaOf('Story Points'),
      { kind: 'number', value: 13 },
    ],
    [
      'single-line text (summary)',
      SP15.summary,
      schemaOf('Summary'),
      { kind: 'text', text: 'CLONE - Report of people checked in at an event' },
    ],
    [
      'single-line text field',
      changedTo("Example 'Text Field (single line)' Field"),
      TEXT_FIELD,
      { kind: 'text', text: 'this is the new text field custom field' },
    ],
    [
      'rich text (Atlassian Document Format, REST v3)',
      ADF_DESCRIPTION,
      schemaOf('Description'),
      { kind: 'text', text: 'More Details in the Epic' },
    ],
    [
      'rich text in a multi-line custom field',
      ADF_DESCRIPTION,
      TEXTAREA,
      { kind: 'text', text: 'More Details in the Epic' },
    ],
    [
      'URL',
      changedTo("Example 'URL Field' Field"),
      URL_FIELD,
      { kind: 'text', text: 'http://www.atlassian.com' },
    ],
    [
      'single select',
      goAtlassian('TestParseSelectCustomField', 'customfield_10045'),
      schemaOf('Change type'),
      { kind: 'text', text: 'Scranton 1' },
    ],
    [
      'multi-select',
      goAtlassian('TestParseMultiSelectField', 'customfield_10046'),
      undefined,
      { kind: 'texts', texts: ['Option 1', 'Option 3', 'Option 4'] },
    ],
    [
      'checkboxes (Flagged), one ticked',
      SP15.customfield_10021,
      schemaOf('Flagged'),
      { kind: 'texts', texts: ['Impediment'] },
    ],
    [
      'cascading select: the option and its child',
      goAtlassian('TestParseCascadingSelectField', 'customfield_10045'),
      CASCADING,
      { kind: 'texts', texts: ['America', 'Costa Rica'] },
    ],
    [
      'labels',
      goAtlassian('TestParseLabelCustomField', 'customfield_10045'),
      schemaOf('Labels'),
      { kind: 'texts', texts: ['asd', 'asds'] },
    ],
    ['user picker (Cloud user)', SP15.creator, schemaOf('Creator'), { kind: 'text', text: 'Mike Bowler' }],
    [
      'user picker (Server-era user with a login name): the name people see',
      GO_JIRA_ISSUE.assignee,
      schemaOf('Assignee'),
      { kind: 'text', text: 'mister Morris' },
    ],
    [
      'multi-user picker, an app among the people',
      goAtlassian('TestParseMultiUserPickerField', 'customfield_10055'),
      schemaOf('Approvers'),
      { kind: 'texts', texts: ['Carlos Treminio', 'Carlos Treminio', 'Trello'] },
    ],
    [
      'date picker',
      goAtlassian('TestParseDatePickerCustomField', 'customfield_10045'),
      schemaOf('Start date'),
      { kind: 'date', iso: '2023-09-22' },
    ],
    [
      'date-time picker',
      goAtlassian('TestParseDateTimeCustomField', 'customfield_10045'),
      schemaOf('Change start date'),
      { kind: 'date', iso: '2023-07-12T16:00:00.000+0100' },
    ],
    [
      'date-time (Created)',
      SP15.created,
      schemaOf('Created'),
      { kind: 'date', iso: '2022-04-24T16:41:53.123+0000' },
    ],
    [
      'sprint, by name',
      SP15.customfield_10020,
      schemaOf('Sprint'),
      { kind: 'texts', texts: ['Scrum Sprint 3'] },
    ],
    ['null (Target start, not set)', SP15.customfield_10022, schemaOf('Target start'), { kind: 'absent' }],
    ['empty list (Story Points of another kind: [])', SP15.customfield_10026, undefined, { kind: 'absent' }],
    ['a field the issue does not carry', SP15.customfield_99999, undefined, { kind: 'absent' }],
  ];

  it.each(cases)('%s', (_what, raw, schema, expected) => {
    expect(toFieldValue(raw, schema)).toEqual(expected);
  });

  it('reads a field by its JSON when the site gave no schema for it', () => {
    expect(toFieldValue(ADF_DESCRIPTION, undefined)).toEqual({
      kind: 'text',
      text: 'More Details in the Epic',
    });
    expect(toFieldValue(SP15.customfield_10036, undefined)).toEqual({ kind: 'number', value: 13 });
    // Without the schema a date is just text; the Definition of Done reads both the same way.
    expect(toFieldValue('2023-09-22', undefined)).toEqual({ kind: 'text', text: '2023-09-22' });
  });

  it('keeps percentages typed as text, for the Definition of Done to read against fractions', () => {
    expect(toFieldValue(' 97% ', TEXT_FIELD)).toEqual({ kind: 'text', text: '97%' });
  });

  it('counts blank text, an empty document and options without a value as not set', () => {
    expect(toFieldValue('   ', TEXT_FIELD)).toEqual({ kind: 'absent' });
    expect(toFieldValue({ type: 'doc', version: 1, content: [] }, TEXTAREA)).toEqual({ kind: 'absent' });
    expect(toFieldValue([null, { value: '' }], undefined)).toEqual({ kind: 'absent' });
  });
});

describe('rich text the recordings do not show (documents written after the ADF structure reference)', () => {
  const doc = (...content: unknown[]) => ({ type: 'doc', version: 1, content });
  const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });

  it('reads text split by marks as one phrase, and paragraphs on lines of their own', () => {
    const value = doc(
      paragraph(
        { type: 'text', text: 'Accuracy ' },
        { type: 'text', text: '0.93', marks: [{ type: 'strong' }] },
      ),
      paragraph({ type: 'text', text: 'on the night set' }),
    );
    expect(toFieldValue(value, TEXTAREA)).toEqual({ kind: 'text', text: 'Accuracy 0.93\non the night set' });
  });

  it('reads a pasted link (a smart link card) as its address, and a mention by its name', () => {
    const value = doc(
      paragraph(
        { type: 'mention', attrs: { id: '5b86be50b8e3cb5895860d6d', text: '@Carlos Treminio' } },
        { type: 'text', text: ' ran ' },
        { type: 'inlineCard', attrs: { url: 'https://mlflow.example.com/#/experiments/7/runs/42' } },
      ),
    );
    expect(toFieldValue(value, TEXTAREA)).toEqual({
      kind: 'text',
      text: '@Carlos Treminio ran https://mlflow.example.com/#/experiments/7/runs/42',
    });
  });
});

describe('rich text: lane rules and the Definition of Done read the same words', () => {
  it('a Definition-of-Done pattern and a lane rule on one ADF field both see its text', () => {
    const config: MlLanesConfig = defaultConfig();
    config.rules = [
      {
        kind: 'conditions',
        lane: 'deploy',
        match: 'all',
        conditions: [
          { op: 'contains', field: 'customField', fieldId: 'Description', value: 'details in the epic' },
        ],
      },
    ];
    config.dod.deploy = {
      enforce: false,
      items: [
        {
          id: 'details',
          label: 'Says where the details are',
          kind: 'auto',
          field: 'Description',
          rule: { op: 'matches', pattern: '^more details' },
        },
      ],
    };
    // A recorded issue, its description as REST v3 sends it (the recording is from v2, which sends text).
    const issue = issueSchema.parse(real('jirametrics/SP-15.json'));
    issue.fields.description = ADF_DESCRIPTION;
    const catalog = buildFieldCatalog(SITE_FIELDS, config, null);
    const snapshot = toIssueSnapshot(issue, catalog, true);

    const plan = buildPlan(
      {
        site: 'improvingflow.atlassian.net',
        board: { id: 2, name: 'SP board' },
        sprint: {
          id: 3,
          name: 'Scrum Sprint 3',
          state: 'active',
          goal: null,
          startDate: null,
          endDate: null,
        },
        issues: [snapshot],
        dependencies: [],
        siteFields: catalog.siteFields,
        warnings: [],
      },
      config,
    );

    expect(plan.issues[0]).toMatchObject({
      lane: 'deploy',
      laneRule: 'field "Description" contains "details in the epic"',
      dod: {
        met: 1,
        items: [{ met: true, detail: 'Description "More Details in the Epic" matches /^more details/' }],
      },
    });
  });
});
