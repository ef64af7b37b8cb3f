import { EVIDENCE_FIELD_SPECS, EVIDENCE_FIELDS, type EvidenceField } from '../domain/evidence/evidence-event';
import type { JiraClient } from './client';
import { listFields } from './fields';
import type { JiraField } from './schemas';

/** The manifest keys of ML Lanes's own `jira:customField` modules. */
export const LANE_FIELD_MODULE_KEY = 'ml-lanes-lane';
export const HANDOFF_FIELD_MODULE_KEY = 'ml-lanes-handoff';
export const DOD_FIELD_MODULE_KEY = 'ml-lanes-dod-progress';

/** What each app field shows on an issue: its lane, its handoff state, its Definition-of-Done progress. */
export type AppFieldRole = 'lane' | 'handoff' | 'dod';

export const APP_FIELD_ROLES: readonly AppFieldRole[] = ['lane', 'handoff', 'dod'];

export const APP_FIELD_MODULE_KEYS: Readonly<Record<AppFieldRole, string>> = {
  lane: LANE_FIELD_MODULE_KEY,
  handoff: HANDOFF_FIELD_MODULE_KEY,
  dod: DOD_FIELD_MODULE_KEY,
};

/** The site's `customfield_NNNNN` id of each app field found (ids differ per site and per environment). */
export type AppFieldIds = Partial<Record<AppFieldRole, string>>;

/** Every field the app writes: the board index's roles and the evidence fields the ML tools feed. */
export type AppFieldKey = AppFieldRole | EvidenceField;
export type AnyAppFieldIds = Partial<Record<AppFieldKey, string>>;

/** The evidence fields' manifest module keys (number or string `jira:customField`s, see EVIDENCE_FIELD_SPECS). */
export const EVIDENCE_FIELD_MODULE_KEYS: Readonly<Record<EvidenceField, string>> = Object.fromEntries(
  EVIDENCE_FIELDS.map((field) => [field, EVIDENCE_FIELD_SPECS[field].moduleKey]),
) as Record<EvidenceField, string>;

export const ALL_APP_FIELD_MODULE_KEYS: Readonly<Record<AppFieldKey, string>> = {
  ...APP_FIELD_MODULE_KEYS,
  ...EVIDENCE_FIELD_MODULE_KEYS,
};

export interface AppFieldLookup {
  ids: AppFieldIds;
  /** Roles with no field on the site: the app is not deployed here yet, or the field was removed. */
  missing: AppFieldRole[];
  /** Roles matched by more than one field (several environments of the app installed): none is chosen. */
  ambiguous: { role: AppFieldRole; fieldIds: string[] }[];
  /** One line per missing or ambiguous role, for the admin page and the logs; empty when all are found. */
  problems: string[];
}

export interface AppFieldFilter {
  /** Only fields of this app (the ari's `{appId}`), when one site has several apps with these module keys. */
  appId?: string;
  /** Only fields of this environment (the ari's `{envId}`). */
  environmentId?: string;
}

/**
 * A Forge custom field's `schema.custom` is `ari:cloud:ecosystem::extension/{appId}/{envId}/static/{moduleKey}`
 * (Forge's custom-field page, "Field lifecycle"); matched by its ending so the ids need not be known.
 */
const FORGE_FIELD_ARI = /^ari:cloud:ecosystem::extension\/([^/]+)\/([^/]+)\/static\/([^/]+)$/;

/** Finds the app's fields among the site's fields (`GET /rest/api/3/field`). */
export function findAppFields(fields: readonly JiraField[], filter: AppFieldFilter = {}): AppFieldLookup {
  return findFieldsOf(fields, APP_FIELD_ROLES, APP_FIELD_MODULE_KEYS, filter);
}

/** The evidence fields among the site's fields; the same rules as findAppFields. */
export function findEvidenceFields(
  fields: readonly JiraField[],
  filter: AppFieldFilter = {},
): FieldLookup<EvidenceField> {
  return findFieldsOf(fields, EVIDENCE_FIELDS, EVIDENCE_FIELD_MODULE_KEYS, filter);
}

/** findAppFields over any set of the app's field modules. */
export interface FieldLookup<K extends string> {
  ids: Partial<Record<K, string>>;
  missing: K[];
  ambiguous: { role: K; fieldIds: string[] }[];
  problems: string[];
}

function findFieldsOf<K extends string>(
  fields: readonly JiraField[],
  roles: readonly K[],
  moduleKeys: Readonly<Record<K, string>>,
  filter: AppFieldFilter,
): FieldLookup<K> {
  const ids: Partial<Record<K, string>> = {};
  const missing: K[] = [];
  const ambiguous: FieldLookup<K>['ambiguous'] = [];
  const problems: string[] = [];
  for (const role of roles) {
    const moduleKey = moduleKeys[role];
    const matches = fields.filter((field) => {
      const ari = FORGE_FIELD_ARI.exec(field.schema?.custom ?? '');
      if (!ari || ari[3] !== moduleKey) return false;
      if (filter.appId !== undefined && ari[1] !== filter.appId) return false;
      return filter.environmentId === undefined || ari[2] === filter.environmentId;
    });
    const [only, ...more] = matches;
    if (only && more.length === 0) {
      ids[role] = only.id;
    } else if (!only) {
      missing.push(role);
      problems.push(
        `The ${role} field (module ${moduleKey}) is not on this site: deploy ML Lanes here, or restore the field if it was removed.`,
      );
    } else {
      const fieldIds = matches.map((field) => field.id);
      ambiguous.push({ role, fieldIds });
      problems.push(
        `The ${role} field (module ${moduleKey}) exists ${fieldIds.length} times (${fieldIds.join(', ')}): several installations of ML Lanes share this site; none is written.`,
      );
    }
  }
  return { ids, missing, ambiguous, problems };
}

/** Reads the site's fields and finds the app's own among them. */
export async function resolveAppFields(
  client: JiraClient,
  filter: AppFieldFilter = {},
): Promise<AppFieldLookup> {
  return findAppFields(await listFields(client), filter);
}
