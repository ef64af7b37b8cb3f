import { CONFIG_VERSION } from './schema';

/**
 * Brings a configuration document written by an older ML Lanes up to the current version, on the raw JSON,
 * before it is validated. One step per version: `MIGRATIONS[n]` turns a version-n document into version n+1,
 * so version 3 needs one more entry. Steps never validate (the schema does that afterwards, with paths) and
 * never mutate their input.
 */

/** The oldest version this ML Lanes can read (by migrating it). */
export const OLDEST_CONFIG_VERSION = 1;

type JsonObject = Record<string, unknown>;
type MigrationStep = (document: JsonObject) => JsonObject;

/** v1 → v2: `issue-type` rules become `conditions` rules matching any of the listed issue types. */
function v1ToV2(document: JsonObject): JsonObject {
  const rules = Array.isArray(document.rules)
    ? document.rules.map(issueTypeRuleToConditions)
    : document.rules;
  return { ...document, version: 2, rules };
}

function issueTypeRuleToConditions(rule: unknown): unknown {
  if (!isObject(rule) || rule.kind !== 'issue-type') return rule;
  const { issueTypes, ...rest } = rule;
  return {
    ...rest,
    kind: 'conditions',
    match: 'any',
    conditions: Array.isArray(issueTypes)
      ? issueTypes.map((value: unknown) => ({ op: 'equals', field: 'issueType', value }))
      : issueTypes,
  };
}

const MIGRATIONS: Readonly<Record<number, MigrationStep>> = {
  1: v1ToV2,
};

export interface MigrationResult {
  /** The document at the current version, or the input untouched when it could not be migrated. */
  value: unknown;
  /** The version the document was written as, when it was migrated; null when nothing was done. */
  migratedFrom: number | null;
}

/**
 * Migrates a document of a known older version to the current one. A document that is current, has no
 * version, an unknown one or a newer one is returned as it is: validation then reports its `version`.
 */
export function migrateConfig(value: unknown): MigrationResult {
  if (!isObject(value) || !isKnownOlderVersion(value.version)) return { value, migratedFrom: null };
  const migratedFrom = value.version;
  let document = value;
  for (let version = migratedFrom; version < CONFIG_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) return { value, migratedFrom: null };
    document = step(document);
  }
  return { value: document, migratedFrom };
}

/** What is wrong with a document's `version`, in words, or null when this ML Lanes reads it. */
export function versionProblem(version: unknown): string | null {
  if (version === CONFIG_VERSION || isKnownOlderVersion(version)) return null;
  if (version === undefined) return `no version: say "version": ${CONFIG_VERSION}`;
  if (isNewerVersion(version)) {
    return `version ${version} was written by a newer ML Lanes (this one reads versions up to ${CONFIG_VERSION}): update ML Lanes to use it`;
  }
  return `unknown version ${JSON.stringify(version)}: ML Lanes reads versions ${OLDEST_CONFIG_VERSION} to ${CONFIG_VERSION}`;
}

/** A version newer than this ML Lanes knows: nothing else in the document can be read with confidence. */
export function isNewerVersion(version: unknown): version is number {
  return Number.isInteger(version) && (version as number) > CONFIG_VERSION;
}

function isKnownOlderVersion(version: unknown): version is number {
  return (
    Number.isInteger(version) &&
    (version as number) >= OLDEST_CONFIG_VERSION &&
    (version as number) < CONFIG_VERSION
  );
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
