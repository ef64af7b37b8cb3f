import type { MlLanesConfig } from '../config/schema';
import { siteFieldLookup, type SiteField } from '../domain/snapshot';
import type { JiraClient } from './client';
import type { JiraFieldSchema } from './field-values';
import { fieldListSchema, type JiraField } from './schemas';

const SPRINT_FIELD_TYPE = 'com.pyxis.greenhopper.jira:gh-sprint';
const STORY_POINTS_FIELD_TYPE = 'com.pyxis.greenhopper.jira:jsw-story-points';
const STORY_POINTS_FIELD_NAMES = ['story point estimate', 'story points'];

/** The site's fields that matter to a plan, found by type and name: field ids differ on every site. */
export interface FieldCatalog {
  siteFields: SiteField[];
  sprintFieldId: string | null;
  storyPointsFieldId: string | null;
  /** Field ids the Definition of Done reads (only those that exist on the site). */
  dodFieldIds: string[];
  /** Custom field ids that `conditions` rules read (only those that exist on the site). */
  ruleFieldIds: string[];
  /** The schema of each field the Definition of Done or the rules read, to convert its values. */
  valueSchemas: ReadonlyMap<string, JiraFieldSchema>;
}

export function listFields(client: JiraClient): Promise<JiraField[]> {
  return client.call('GET /rest/api/3/field', 'GET', '/rest/api/3/field', fieldListSchema);
}

export function buildFieldCatalog(
  fields: readonly JiraField[],
  config: MlLanesConfig,
  boardEstimationFieldId: string | null,
): FieldCatalog {
  const byId = new Map(fields.map((field) => [field.id, field]));
  const sprintField = fields.find((field) => field.schema?.custom === SPRINT_FIELD_TYPE);
  const storyPointsFieldId =
    (boardEstimationFieldId && byId.has(boardEstimationFieldId) ? boardEstimationFieldId : null) ??
    fields.find((field) => field.schema?.custom === STORY_POINTS_FIELD_TYPE)?.id ??
    fields.find((field) => STORY_POINTS_FIELD_NAMES.includes(field.name.trim().toLowerCase()))?.id ??
    null;

  // A name two fields share gives both: the domain reads the one holding a value on each issue.
  const fieldsNamed = siteFieldLookup(fields);
  const dodFieldIds = new Set<string>();
  for (const template of Object.values(config.dod)) {
    for (const item of template.items) {
      if (item.kind !== 'auto') continue;
      for (const field of fieldsNamed(item.field)) dodFieldIds.add(field.id);
    }
  }
  const ruleFieldIds = new Set<string>();
  for (const rule of config.rules) {
    if (rule.kind !== 'conditions') continue;
    for (const condition of rule.conditions) {
      if (condition.field !== 'customField' || !condition.fieldId) continue;
      for (const field of fieldsNamed(condition.fieldId)) ruleFieldIds.add(field.id);
    }
  }
  const valueSchemas = new Map<string, JiraFieldSchema>();
  for (const id of [...dodFieldIds, ...ruleFieldIds]) {
    const schema = byId.get(id)?.schema;
    if (schema) valueSchemas.set(id, schema);
  }
  return {
    siteFields: fields.map(({ id, name }) => ({ id, name })),
    sprintFieldId: sprintField?.id ?? null,
    storyPointsFieldId,
    dodFieldIds: [...dodFieldIds],
    ruleFieldIds: [...ruleFieldIds],
    valueSchemas,
  };
}

/** A field by id, else by display name (case-insensitive): the same lookup the Definition of Done and rules use. */
export function findField<T extends { id: string; name: string }>(
  fields: readonly T[],
  idOrName: string,
): T | undefined {
  return siteFieldLookup(fields)(idOrName)[0];
}
