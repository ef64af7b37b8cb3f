/**
 * ML Lanes's own Forge custom fields (`jira:customField`, read-only for people) as a site lists them once the
 * app is deployed: `schema.custom` is the module's ari, `ari:cloud:ecosystem::extension/{appId}/{envId}/static/
 * {moduleKey}` (Forge's custom-field page, "Field lifecycle"), and the id is a `customfield_NNNNN` of the site.
 * Kept apart from the workspace's fields: only the app may write them (`POST /rest/api/3/app/field/value`).
 */

/** Made-up ids in the shape of Forge's (UUIDs); real ones differ per app and environment. */
export const SIM_APP_ID = '5d3c7f0e-8a41-4b9c-9e2d-6f1a0b7c4e21';
export const SIM_ENVIRONMENT_ID = 'b2e9a4c6-1f3d-47a8-8c5e-0d9f6a2b7e13';

export interface SimAppField {
  id: string;
  moduleKey: string;
  name: string;
  /** The Forge field type; all three are `string`. */
  type: 'string';
}

/** Ids above every workspace's own custom fields (10019–10505), so they never collide. */
export const SIM_APP_FIELDS: readonly SimAppField[] = [
  { id: 'customfield_10950', moduleKey: 'ml-lanes-lane', name: 'ML lane', type: 'string' },
  { id: 'customfield_10951', moduleKey: 'ml-lanes-handoff', name: 'ML handoff', type: 'string' },
  { id: 'customfield_10952', moduleKey: 'ml-lanes-dod-progress', name: 'ML DoD progress', type: 'string' },
];

export const SIM_APP_FIELD_MODULE_KEYS = SIM_APP_FIELDS.map((field) => field.moduleKey);

export function appFieldAri(field: SimAppField): string {
  return `ari:cloud:ecosystem::extension/${SIM_APP_ID}/${SIM_ENVIRONMENT_ID}/static/${field.moduleKey}`;
}

/** The app fields deployed on a site: all three unless the options name fewer (none: the app is not deployed). */
export function deployedAppFields(moduleKeys: readonly string[] | undefined): SimAppField[] {
  if (moduleKeys === undefined) return [...SIM_APP_FIELDS];
  const unknown = moduleKeys.find((key) => !SIM_APP_FIELD_MODULE_KEYS.includes(key));
  if (unknown !== undefined) {
    throw new Error(
      `appFields: '${unknown}' is not one of the app's field modules (${SIM_APP_FIELD_MODULE_KEYS.join(', ')})`,
    );
  }
  return SIM_APP_FIELDS.filter((field) => moduleKeys.includes(field.moduleKey));
}

/** The field as `GET /rest/api/3/field` lists it. */
export function renderAppField(field: SimAppField) {
  const customId = Number(field.id.slice('customfield_'.length));
  return {
    id: field.id,
    key: field.id,
    name: field.name,
    untranslatedName: field.name,
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [`cf[${customId}]`, field.name],
    schema: { type: field.type, custom: appFieldAri(field), customId },
  };
}
