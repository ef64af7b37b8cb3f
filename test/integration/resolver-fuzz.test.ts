/**
 * Every resolver against hostile payloads, as any script in any of the app's frames could send them: wrong types,
 * huge strings and arrays, odd keys. Each gets a typed error a person can read (never `internal`, never a hang),
 * and nothing is stored: not in the app's storage, not in an issue property. Invoked as a Jira admin who may edit
 * every issue, so that permission is never the reason for a refusal.
 */
import fc from 'fast-check';
import { defaultConnections } from '../../src/config/connections-schema';
import { defaultConfig } from '../../src/config/defaults';
import type { ResolverErrorCode } from '../../src/contract/envelope';
import { RESOLVER_KEYS, type ResolverKey } from '../../src/contract/resolver-api';
import type { ResolverFunctions } from '../../src/resolvers';
import type { MemoryStore } from '../../src/storage/key-value-store';
import { CV_BOARD_ID, CV_SPRINTS, demoSite } from '../../src/simulator';
import { appOn, useSimulator } from './support/harness';

const ADMIN = { email: 'ada@example.com', apiToken: 'admin-token' };
const PAYLOAD_CODES: readonly ResolverErrorCode[] = ['bad-request', 'invalid-config'];

const simulator = useSimulator({ workspace: { ...demoSite(), credentials: ADMIN } });
let store: MemoryStore;
let functions: ResolverFunctions;

beforeAll(() => {
  const app = appOn(simulator());
  store = app.store;
  functions = app.as(ADMIN);
});

/** A payload each resolver accepts: the fuzzing starts from it and breaks one field at a time. */
const VALID: Record<ResolverKey, Record<string, unknown>> = {
  getPlan: { boardId: CV_BOARD_ID, sprintId: CV_SPRINTS.active },
  getForecast: {
    boardId: CV_BOARD_ID,
    sprintId: CV_SPRINTS.active,
    whatIf: { excludedKeys: ['CV-101'], laneThroughput: { data: 0.5 } },
  },
  listBoards: { projectKey: 'CV' },
  getConfig: { projectKey: 'CV' },
  saveConfig: { config: defaultConfig(), baseRevision: 0 },
  importConfig: { text: JSON.stringify(defaultConfig()), baseRevision: 0 },
  listRevisions: { projectKey: 'CV' },
  restoreRevision: { revision: 1, baseRevision: 0 },
  resetProjectConfig: { projectKey: 'CV', baseRevision: 0 },
  previewConfig: { config: defaultConfig(), boardId: CV_BOARD_ID, sprintId: CV_SPRINTS.active },
  validateConfig: { config: defaultConfig() },
  siteCatalog: { projectKey: 'CV' },
  getIssuePanel: { issueKey: 'CV-101' },
  setDodItem: { issueKey: 'CV-113', itemId: 'reviewed', checked: true },
  setLaneOverride: { issueKey: 'CV-110', lane: 'test' },
  checkDoneTransition: { issueKey: 'CV-101' },
  getBoardSetup: { boardId: CV_BOARD_ID },
  reindexBoardIndex: {},
  getConnections: {},
  saveConnections: { connections: defaultConnections(), baseRevision: 0 },
  createSecret: { tool: 'mlflow' },
  rotateSecret: { tool: 'mlflow' },
  rotateUrl: {},
  getDeliveryLog: { tool: 'mlflow' },
};

const HUGE = 'x'.repeat(1_000_000);
/** Values no field of any payload accepts. */
const HOSTILE: [string, unknown][] = [
  ['a negative number', -1],
  ['a fraction', 1.5],
  ['1e21', 1e21],
  ['an empty string', ''],
  ['a 100,000-character string', 'A'.repeat(100_000)],
  ['a 1,000,000-character string', HUGE],
  ['an array of 100,000 numbers', Array.from({ length: 100_000 }, (_, i) => i)],
  ['an object with a __proto__ key', JSON.parse('{"__proto__": {"polluted": true}}')],
  ['an object', { nested: { deeper: [1, 2, 3] } }],
  ['a string with a newline and quotes', 'CV-1"\n; DROP'],
];
/** Fields whose every value is legitimate input: a document to find the problems of. */
const ANY_VALUE = new Set(['validateConfig.config']);
/** Values some fields legitimately take, left out for those fields only. */
const ALSO_VALID: Partial<Record<string, unknown[]>> = {
  'setLaneOverride.lane': [null],
  'setDodItem.checked': [true],
};

function hostilePayloads(key: ResolverKey): [string, unknown][] {
  const base = VALID[key];
  const cases: [string, unknown][] = [
    ['a string instead of an object', 'getPlan'],
    ['a number instead of an object', 42],
    ['an array instead of an object', [base]],
    ['an extra key "constructor"', { ...base, constructor: 'x' }],
    ['an extra key "__proto__"', Object.assign(JSON.parse('{"__proto__": 1}') as object, base)],
    ['a 1,000-character extra key', { ...base, ['k'.repeat(1000)]: true }],
    ['a 2 MB payload', { ...base, padding: HUGE + HUGE }],
  ];
  for (const field of Object.keys(base)) {
    if (ANY_VALUE.has(`${key}.${field}`)) continue;
    for (const [what, value] of [['null', null] as [string, unknown], ['true', true], ...HOSTILE]) {
      if (ALSO_VALID[`${key}.${field}`]?.includes(value)) continue;
      cases.push([`${field} = ${what}`, { ...base, [field]: value }]);
    }
  }
  return cases;
}

async function storedState(): Promise<Record<string, unknown>> {
  const keys = (await store.keys('')).sort();
  return Object.fromEntries(await Promise.all(keys.map(async (key) => [key, await store.get(key)])));
}

const propertyWrites = () =>
  simulator().stats().byRoute['PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}'] ?? 0;

describe.each(RESOLVER_KEYS.map((key) => [key]))('%s', (key) => {
  it.each(hostilePayloads(key))('refuses %s with a typed error and stores nothing', async (_, payload) => {
    const before = await storedState();
    const writesBefore = propertyWrites();
    const result = await functions[key]({ payload, context: { accountId: 'admin-1' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(PAYLOAD_CODES).toContain(result.error.code);
    expect(result.error.message.length).toBeGreaterThan(0);
    // One readable sentence, never the hostile input echoed back in full.
    expect(result.error.message.length).toBeLessThan(2_000);
    expect(await storedState()).toEqual(before);
    expect(propertyWrites()).toBe(writesBefore);
  });
});

describe('validateConfig', () => {
  it.each(HOSTILE)(
    'answers a document that is %s with its problems, and stores nothing',
    async (_, config) => {
      const before = await storedState();
      const result = await functions.validateConfig({
        payload: { config },
        context: { accountId: 'admin-1' },
      });
      if (!result.ok) throw new Error(result.error.message);
      expect(result.data.length).toBeGreaterThan(0);
      expect(result.data.every((problem) => problem.message.length < 2_000)).toBe(true);
      expect(await storedState()).toEqual(before);
    },
  );
});

describe('random payloads', () => {
  it('never fail with an internal error, never store anything unless accepted', async () => {
    const keys = fc.constantFrom(...RESOLVER_KEYS);
    await fc.assert(
      fc.asyncProperty(keys, fc.jsonValue({ maxDepth: 3 }), async (key, payload) => {
        const before = await storedState();
        const writesBefore = propertyWrites();
        const result = await functions[key]({ payload, context: { accountId: 'admin-1' } });
        if (result.ok) return;
        expect(result.error.code).not.toBe('internal');
        expect(await storedState()).toEqual(before);
        expect(propertyWrites()).toBe(writesBefore);
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });
});
