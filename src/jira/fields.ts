import type { MlLanesConfig } from '../config/schema';
import type { SiteField } from '../domain/snapshot';
import type { JiraClient } from './client';
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

  const dodFieldIds = new Set<string>();
  for (const template of Object.values(config.dod)) {
    for (const item of template.items) {
      if (item.kind !== 'auto') continue;
      const field = findField(fields, item.field);
      if (field) dodFieldIds.add(field.id);
    }
  }
  return {
    siteFields: fields.map(({ id, name }) => ({ id, name })),
    sprintFieldId: sprintField?.id ?? null,
    storyPointsFieldId,
    dodFieldIds: [...dodFieldIds],
  };
}

/** A field by id, else by display name (case-insensitive): the same lookup the Definition of Done uses. */
export function findField<T extends { id: string; name: string }>(
  fields: readonly T[],
  idOrName: string,
): T | undefined {
  const wanted = idOrName.trim();
  return (
    fields.find((field) => field.id === wanted) ??
    fields.find((field) => field.name.trim().toLowerCase() === wanted.toLowerCase())
  );
}
