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
  /** The Forge field type: the board index's three are `string`; the evidence fields are `number` or `string`. */
  type: 'string' | 'number';
}

/** Ids above every workspace's own custom fields (10019–10505), so they never collide. */
export const SIM_APP_FIELDS: readonly SimAppField[] = [
  { id: 'customfield_10950', moduleKey: 'ml-lanes-lane', name: 'ML lane', type: 'string' },
  { id: 'customfield_10951', moduleKey: 'ml-lanes-handoff', name: 'ML handoff', type: 'string' },
  { id: 'customfield_10952', moduleKey: 'ml-lanes-dod-progress', name: 'ML DoD progress', type: 'string' },
];

export const SIM_APP_FIELD_MODULE_KEYS = SIM_APP_FIELDS.map((field) => field.moduleKey);

/**
 * The evidence fields ML tools feed (EVIDENCE_FIELD_SPECS in src/domain/evidence/evidence-event.ts), deployed only
 * when `appFields` names them (the playground does), so sites of earlier tests list the same fields as before.
 * Ids 10970+ leave 10960–10969 to workspaces that model evidence fields of their own.
 */
export const SIM_EVIDENCE_FIELDS: readonly SimAppField[] = [
  {
    id: 'customfield_10970',
    moduleKey: 'ml-lanes-holdout-accuracy',
    name: 'ML holdout accuracy',
    type: 'number',
  },
  {
    id: 'customfield_10971',
    moduleKey: 'ml-lanes-annotator-agreement',
    name: 'ML annotator agreement',
    type: 'number',
  },
  { id: 'customfield_10972', moduleKey: 'ml-lanes-items-labeled', name: 'ML items labeled', type: 'number' },
  { id: 'customfield_10973', moduleKey: 'ml-lanes-items-target', name: 'ML items target', type: 'number' },
  {
    id: 'customfield_10974',
    moduleKey: 'ml-lanes-dataset-version',
    name: 'ML dataset version',
    type: 'string',
  },
  { id: 'customfield_10975', moduleKey: 'ml-lanes-model-version', name: 'ML model version', type: 'string' },
  { id: 'customfield_10976', moduleKey: 'ml-lanes-qa-suite', name: 'ML QA suite', type: 'string' },
];

export const SIM_EVIDENCE_FIELD_MODULE_KEYS = SIM_EVIDENCE_FIELDS.map((field) => field.moduleKey);

const ALL_SIM_APP_FIELDS = [...SIM_APP_FIELDS, ...SIM_EVIDENCE_FIELDS];

export function appFieldAri(field: SimAppField): string {
  return `ari:cloud:ecosystem::extension/${SIM_APP_ID}/${SIM_ENVIRONMENT_ID}/static/${field.moduleKey}`;
}

/**
 * The app fields deployed on a site: the board index's three unless the options name others (none: the app is not
 * deployed); the evidence fields only when named.
 */
export function deployedAppFields(moduleKeys: readonly string[] | undefined): SimAppField[] {
  if (moduleKeys === undefined) return [...SIM_APP_FIELDS];
  const known = ALL_SIM_APP_FIELDS.map((field) => field.moduleKey);
  const unknown = moduleKeys.find((key) => !known.includes(key));
  if (unknown !== undefined) {
    throw new Error(`appFields: '${unknown}' is not one of the app's field modules (${known.join(', ')})`);
  }
  return ALL_SIM_APP_FIELDS.filter((field) => moduleKeys.includes(field.moduleKey));
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
