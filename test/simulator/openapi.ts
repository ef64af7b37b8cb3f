import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Validates JSON against Atlassian's OpenAPI specs (test/fixtures/jira-openapi). Each spec is added to ajv
 * whole, under an $id, so `#/components/schemas/...` refs resolve; OpenAPI 3.0 `nullable` is rewritten
 * to JSON Schema. Where the spec contradicts real Cloud recordings (test/fixtures/jira-real) it is patched
 * below, one documented patch per discrepancy (spec-vs-real.test.ts proves each one).
 */

const DIR = join(__dirname, '..', 'fixtures', 'jira-openapi');
export const PLATFORM = 'https://spec.invalid/jira-platform-v3.json';
export const SOFTWARE = 'https://spec.invalid/jira-software.json';

type Json = unknown;
type JsonObject = Record<string, Json>;

export function loadSpec(file: string): JsonObject {
  return JSON.parse(readFileSync(join(DIR, file), 'utf8')) as JsonObject;
}

/** OpenAPI 3.0 `nullable: true` -> `anyOf: [schema, {type: null}]`. */
function rewriteNullable(node: Json): Json {
  if (Array.isArray(node)) return node.map(rewriteNullable);
  if (typeof node !== 'object' || node === null) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) out[key] = rewriteNullable(value);
  if (out.nullable === true) {
    delete out.nullable;
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

function schemas(spec: JsonObject): JsonObject {
  return (spec.components as JsonObject).schemas as JsonObject;
}

/** Spec discrepancies found against real Cloud responses; each patch is the smallest that fits reality. */
export const SPEC_PATCHES = {
  /** IssueLink requires both inwardIssue and outwardIssue; real links carry exactly one (SP-14/SP-15). */
  issueLinkRequiresBothSides: (platform: JsonObject) => {
    (schemas(platform).IssueLink as JsonObject).required = ['type'];
  },
  /** FieldDetails forbids extra properties; real /field entries carry `untranslatedName` (ferry recording). */
  fieldDetailsUntranslatedName: (platform: JsonObject) => {
    ((schemas(platform).FieldDetails as JsonObject).properties as JsonObject).untranslatedName = {
      type: 'string',
    };
  },
  /** CustomFieldOption lists only self and value; real option values also carry `id` (SP-15 customfield_10021). */
  customFieldOptionId: (platform: JsonObject) => {
    ((schemas(platform).CustomFieldOption as JsonObject).properties as JsonObject).id = { type: 'string' };
  },
  /**
   * getConfiguration's `location` is {projectKeyOrId, type}; real configurations answer
   * {type, key, id, self, name} (go-atlassian get-board-config.json, jirametrics kanban configuration).
   */
  boardConfigLocation: (software: JsonObject) => {
    const op = ((software.paths as JsonObject)['/rest/agile/1.0/board/{boardId}/configuration'] as JsonObject)
      .get as JsonObject;
    const schema = (((op.responses as JsonObject)['200'] as JsonObject).content as JsonObject)[
      'application/json'
    ] as JsonObject;
    ((schema.schema as JsonObject).properties as JsonObject).location = {
      type: 'object',
      additionalProperties: false,
      properties: {
        type: { enum: ['project', 'user'] },
        key: { type: 'string' },
        id: { type: 'string' },
        self: { type: 'string', format: 'uri' },
        name: { type: 'string' },
      },
    };
  },
  /**
   * ChangeDetails types from/fromString/to/toString as plain strings; real items carry nulls (SP-13 to SP-15:
   * `"from": null` on story points, resolution, Flagged).
   */
  changeDetailsNullable: (platform: JsonObject) => {
    const properties = (schemas(platform).ChangeDetails as JsonObject).properties as JsonObject;
    for (const key of ['from', 'fromString', 'to', 'toString'])
      properties[key] = { anyOf: [properties[key], { type: 'null' }] };
  },
  /**
   * Changelog.created is a date-time string in the schema, but the spec's own /changelog/bulkfetch example
   * sends a number, and two public projects that read live Cloud sites report epoch milliseconds there (their
   * notes, not recordings: shared code index ids 70518543105 and 55693275875). `expand=changelog` still
   * sends date-time text (SP-13 to SP-15).
   */
  changelogCreatedEpochMillis: (platform: JsonObject) => {
    const properties = (schemas(platform).Changelog as JsonObject).properties as JsonObject;
    properties.created = { anyOf: [properties.created, { type: 'integer', minimum: 0 }] };
  },
  /** Sprint endpoints have no response schema (example only): validate values with SprintBean. */
  sprintPageSchema: (software: JsonObject) => {
    schemas(software).SimulatorSprintPage = {
      type: 'object',
      additionalProperties: false,
      required: ['maxResults', 'startAt', 'isLast', 'values'],
      properties: {
        maxResults: { type: 'integer' },
        startAt: { type: 'integer' },
        total: { type: 'integer' },
        isLast: { type: 'boolean' },
        values: { type: 'array', items: { $ref: '#/components/schemas/SprintBean' } },
      },
    };
  },
};

export interface SpecValidators {
  /** A validator for `#/components/schemas/<name>` of the platform or software spec. */
  schema(spec: 'platform' | 'software', name: string): ValidateFunction;
  /** The 200 response schema of an operation in the given spec. */
  response(spec: 'platform' | 'software', path: string, method: string, status?: string): ValidateFunction;
}

export function createValidators(options: { patched: boolean } = { patched: true }): SpecValidators {
  const platform = rewriteNullable(loadSpec('jira-platform-v3.openapi.json')) as JsonObject;
  const software = rewriteNullable(loadSpec('jira-software.openapi.json')) as JsonObject;
  if (options.patched) {
    SPEC_PATCHES.issueLinkRequiresBothSides(platform);
    SPEC_PATCHES.fieldDetailsUntranslatedName(platform);
    SPEC_PATCHES.customFieldOptionId(platform);
    SPEC_PATCHES.boardConfigLocation(software);
    SPEC_PATCHES.changeDetailsNullable(platform);
    SPEC_PATCHES.changelogCreatedEpochMillis(platform);
  }
  SPEC_PATCHES.sprintPageSchema(software);
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addFormat('URL', true);
  ajv.addSchema({ ...platform, $id: PLATFORM });
  ajv.addSchema({ ...software, $id: SOFTWARE });
  const root = (spec: 'platform' | 'software') => (spec === 'platform' ? PLATFORM : SOFTWARE);
  const cache = new Map<string, ValidateFunction>();
  const compile = (ref: string) => {
    let fn = cache.get(ref);
    if (!fn) {
      fn = ajv.compile({ $ref: ref });
      cache.set(ref, fn);
    }
    return fn;
  };
  return {
    schema: (spec, name) => compile(`${root(spec)}#/components/schemas/${name}`),
    response: (spec, path, method, status = '200') =>
      compile(
        `${root(spec)}#/paths/${encodeURIComponent(path.replace(/~/g, '~0').replace(/\//g, '~1'))}/${method}/responses/${status}/content/application~1json/schema`,
      ),
  };
}

/** Readable ajv errors for assertion messages. */
export function describeErrors(fn: ValidateFunction): string {
  return (fn.errors ?? [])
    .map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
    .join('\n');
}

/** Asserts `data` matches; throws with ajv's errors and the data when not. */
export function expectValid(fn: ValidateFunction, data: unknown, label: string): void {
  if (!fn(data)) {
    throw new Error(
      `${label} does not match the spec:\n${describeErrors(fn)}\n${JSON.stringify(data).slice(0, 2000)}`,
    );
  }
}
