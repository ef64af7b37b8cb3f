import { renderAppField } from '../app-fields';
import type { Site } from '../site';
import type { WorkspaceField } from '../workspace';

/** GET /rest/api/3/field: system fields the app may read, then the site's own fields. */

const SYSTEM_FIELDS = [
  {
    id: 'issuekey',
    name: 'Key',
    orderable: false,
    searchable: false,
    clauseNames: ['id', 'issue', 'issuekey', 'key'],
  },
  { id: 'summary', name: 'Summary', orderable: true, clauseNames: ['summary'], schema: { type: 'string' } },
  {
    id: 'issuetype',
    name: 'Issue Type',
    orderable: true,
    clauseNames: ['issuetype', 'type'],
    schema: { type: 'issuetype' },
  },
  { id: 'parent', name: 'Parent', orderable: false, searchable: false, clauseNames: ['parent'] },
  { id: 'project', name: 'Project', orderable: false, clauseNames: ['project'], schema: { type: 'project' } },
  { id: 'status', name: 'Status', orderable: false, clauseNames: ['status'], schema: { type: 'status' } },
  { id: 'statusCategory', name: 'Status Category', orderable: false, clauseNames: ['statusCategory'] },
  {
    id: 'priority',
    name: 'Priority',
    orderable: true,
    clauseNames: ['priority'],
    schema: { type: 'priority' },
  },
  {
    id: 'labels',
    name: 'Labels',
    orderable: true,
    clauseNames: ['labels'],
    schema: { type: 'array', items: 'string' },
  },
  {
    id: 'components',
    name: 'Components',
    orderable: true,
    clauseNames: ['component'],
    schema: { type: 'array', items: 'component' },
  },
  {
    id: 'issuelinks',
    name: 'Linked Issues',
    orderable: true,
    clauseNames: ['issueLink'],
    schema: { type: 'array', items: 'issuelinks' },
  },
  {
    id: 'created',
    name: 'Created',
    orderable: false,
    clauseNames: ['created', 'createdDate'],
    schema: { type: 'datetime' },
  },
  {
    id: 'updated',
    name: 'Updated',
    orderable: false,
    clauseNames: ['updated', 'updatedDate'],
    schema: { type: 'datetime' },
  },
  {
    id: 'resolution',
    name: 'Resolution',
    orderable: true,
    clauseNames: ['resolution'],
    schema: { type: 'resolution' },
  },
  {
    id: 'resolutiondate',
    name: 'Resolved',
    orderable: false,
    clauseNames: ['resolutiondate', 'resolved'],
    schema: { type: 'datetime' },
  },
  {
    id: 'subtasks',
    name: 'Sub-tasks',
    orderable: false,
    clauseNames: ['subtasks'],
    schema: { type: 'array', items: 'issuelinks' },
  },
];

const TYPES = 'com.atlassian.jira.plugin.system.customfieldtypes';

/** Jira's plugin key and JQL clause suffix per kind of custom field. */
function pluginFor(field: WorkspaceField): { plugin: string; suffix: string | null } {
  if (field.role === 'sprint') return { plugin: 'com.pyxis.greenhopper.jira:gh-sprint', suffix: null };
  if (field.role === 'rank') return { plugin: 'com.pyxis.greenhopper.jira:gh-lexo-rank', suffix: null };
  if (field.role === 'flagged') return { plugin: `${TYPES}:multicheckboxes`, suffix: 'Checkboxes' };
  if (field.role === 'story-points' && !field.plugin) {
    return { plugin: 'com.pyxis.greenhopper.jira:jsw-story-points', suffix: null };
  }
  const byType: Record<WorkspaceField['schemaType'], [string, string]> = {
    number: [`${TYPES}:float`, 'Number'],
    string: [`${TYPES}:textfield`, 'Short text'],
    option: [`${TYPES}:select`, 'Dropdown'],
    array: [`${TYPES}:labels`, 'Labels'],
    date: [`${TYPES}:datepicker`, 'Date'],
    datetime: [`${TYPES}:datetime`, 'Time stamp'],
    any: [`${TYPES}:textarea`, 'Paragraph'],
  };
  const [plugin, suffix] = byType[field.schemaType];
  if (field.plugin === `${TYPES}:url`) return { plugin: field.plugin, suffix: 'URL Field' };
  return { plugin: field.plugin ?? plugin, suffix };
}

function customFieldNumber(id: string): number | undefined {
  const match = /^customfield_(\d+)$/.exec(id);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function renderSiteField(field: WorkspaceField) {
  const items =
    field.role === 'sprint' ? 'json' : field.schemaType === 'array' ? (field.items ?? 'string') : field.items;
  const type = field.role === 'sprint' ? 'array' : field.role === 'rank' ? 'any' : field.schemaType;
  if (!field.custom) {
    return {
      id: field.id,
      key: field.id,
      name: field.name,
      custom: false,
      orderable: true,
      navigable: true,
      searchable: true,
      clauseNames: [field.id],
      schema: { type, ...(items ? { items } : {}), system: field.id },
    };
  }
  const customId = customFieldNumber(field.id);
  const { plugin, suffix } = pluginFor(field);
  const cf = customId === undefined ? field.id : `cf[${customId}]`;
  return {
    id: field.id,
    key: field.id,
    name: field.name,
    // Real Cloud responses carry untranslatedName, though the spec's FieldDetails does not list it.
    untranslatedName: field.name,
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [cf, field.name, ...(suffix ? [`${field.name}[${suffix}]`] : [])],
    schema: {
      type,
      ...(items ? { items } : {}),
      custom: plugin,
      ...(customId === undefined ? {} : { customId }),
    },
  };
}

export function renderFieldList(site: Site) {
  const system = SYSTEM_FIELDS.map((f) => ({
    id: f.id,
    key: f.id,
    name: f.name,
    custom: false,
    orderable: f.orderable,
    navigable: true,
    searchable: f.searchable ?? true,
    clauseNames: f.clauseNames,
    ...(f.schema ? { schema: { ...f.schema, system: f.id } } : {}),
  }));
  return [...system, ...site.ws.fields.map(renderSiteField), ...site.appFields.map(renderAppField)];
}
