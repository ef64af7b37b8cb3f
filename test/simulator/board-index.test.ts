import { writeAppFieldValues, type AppFieldWrite } from '../../src/jira/app-field-values';
import { resolveAppFields, type AppFieldIds } from '../../src/jira/app-fields';
import { JiraClient } from '../../src/jira/client';
import { createBasicAuthSeam } from '../../src/jira/fetch-seam';
import { INDEX_PROPERTY_KEY, writeIndexStates, type IndexState } from '../../src/jira/index-property';
import { checkJqlQueries } from '../../src/jira/jql-parse';
import {
  CV_FIELDS,
  demoSite,
  parseWorkspace,
  startSimulator,
  syntheticWorkspace,
  type RunningSimulator,
} from '../../src/simulator';
import { arr, bulkfetch, call, obj, searchJql } from './http';
import { createValidators, expectValid, type SpecValidators } from './openapi';

/**
 * The board index's Jira endpoints in the simulator (issue 11): ML Lanes's Forge fields in /field, their values
 * written by POST /app/field/value and read back through bulkfetch and search, the bulk property write and its
 * task, and /jql/parse; each answer checked against Atlassian's spec, and driven through the real adapters.
 */

const LANE = 'customfield_10950';
const HANDOFF = 'customfield_10951';

let spec: SpecValidators;
beforeAll(() => {
  spec = createValidators();
});

function clientFor(sim: RunningSimulator, options: ConstructorParameters<typeof JiraClient>[1] = {}) {
  return new JiraClient(
    createBasicAuthSeam({ site: sim.url, email: 'app@example.com', apiToken: 'x' }),
    options,
  );
}

describe('the demo site with ML Lanes deployed', () => {
  const demo = parseWorkspace(demoSite());
  const ids = demo.issues.filter((issue) => issue.visibleToUser && !issue.vanished).map((issue) => issue.id);
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ workspace: demoSite() });
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.resetStats());

  test('GET /rest/api/3/field lists the three Forge fields, in the spec, and the adapter finds them', async () => {
    const answer = await call(sim, 'GET', '/rest/api/3/field');
    expectValid(spec.response('platform', '/rest/api/3/field', 'get'), answer.json, 'field');
    const lane = obj(
      arr(answer.json)
        .map(obj)
        .find((field) => field.id === LANE),
    );
    expect(obj(lane.schema)).toEqual({
      type: 'string',
      custom: expect.stringMatching(
        /^ari:cloud:ecosystem::extension\/[0-9a-f-]{36}\/[0-9a-f-]{36}\/static\/ml-lanes-lane$/,
      ),
      customId: 10950,
    });
    const lookup = await resolveAppFields(clientFor(sim));
    expect(lookup).toMatchObject({
      ids: { lane: LANE, handoff: HANDOFF, dod: 'customfield_10952' },
      missing: [],
    });
  });

  test('values written by the adapter come back from bulkfetch and search, and null clears them', async () => {
    const client = clientFor(sim);
    const { ids: fieldIds } = await resolveAppFields(client);
    const [first, second, third] = ids;
    const writes: AppFieldWrite[] = [
      { field: 'lane', issueId: first!, value: 'Data' },
      { field: 'lane', issueId: second!, value: 'Model' },
      { field: 'handoff', issueId: first!, value: 'Blocked · waits on 2: Data, Code' },
      { field: 'lane', issueId: third!, value: 'Data' },
    ];
    const result = await writeAppFieldValues(client, writes, fieldIds);
    expect(result.failed).toEqual([]);
    expect(result.requests).toBe(1);

    const page = await bulkfetch(sim, {
      issueIdsOrKeys: [first, second],
      fields: [LANE, HANDOFF, 'summary'],
    });
    expectValid(spec.response('platform', '/rest/api/3/issue/bulkfetch', 'post'), page.json, 'bulkfetch');
    const fields = arr(obj(page.json).issues).map((issue) => obj(obj(issue).fields));
    expect(fields.map((f) => [f[LANE], f[HANDOFF]])).toEqual([
      ['Data', 'Blocked · waits on 2: Data, Code'],
      ['Model', null],
    ]);
    const search = await searchJql(sim, { jql: `id = ${third}`, fields: [LANE] });
    expect(obj(obj(arr(obj(search.json).issues)[0]).fields)[LANE]).toBe('Data');

    await writeAppFieldValues(client, [{ field: 'lane', issueId: first!, value: null }], fieldIds);
    const cleared = await bulkfetch(sim, { issueIdsOrKeys: [first], fields: [LANE] });
    expect(obj(obj(arr(obj(cleared.json).issues)[0]).fields)[LANE]).toBeNull();
  });

  test('refuses a repeated (field, issue) pair and an unknown issue with 400, and writes nothing', async () => {
    const [issue] = ids;
    const repeated = await call(sim, 'POST', '/rest/api/3/app/field/value', {
      updates: [
        { customField: LANE, issueIds: [Number(issue)], value: 'Code' },
        { customField: LANE, issueIds: [Number(issue)], value: 'Test' },
      ],
    });
    expect(repeated.status).toBe(400);
    expectValid(spec.schema('platform', 'ErrorCollection'), repeated.json, 'error');
    const unknown = await call(sim, 'POST', '/rest/api/3/app/field/value', {
      updates: [{ customField: LANE, issueIds: [Number(issue), 999999], value: 'Deploy' }],
    });
    expect(unknown.status).toBe(400);
    expect(obj(unknown.json).errorMessages).toEqual(['The issue with ID 999999 does not exist.']);
    const page = await bulkfetch(sim, { issueIdsOrKeys: [issue], fields: [LANE] });
    expect(obj(obj(arr(obj(page.json).issues)[0]).fields)[LANE]).not.toBe('Deploy');
  });

  test("answers 403 for a field that is not the app's and 404 for a field the site does not have", async () => {
    const body = (customField: string) => ({
      updates: [{ customField, issueIds: [Number(ids[0])], value: '3' }],
    });
    const notOurs = await call(
      sim,
      'POST',
      '/rest/api/3/app/field/value',
      body(CV_FIELDS.storyPointEstimate),
    );
    expect(notOurs.status).toBe(403);
    const missing = await call(sim, 'POST', '/rest/api/3/app/field/value', body('customfield_99999'));
    expect(missing.status).toBe(404);
  });

  test('the adapter writes every other issue when one was deleted, naming the one Jira refused', async () => {
    const client = clientFor(sim);
    const writes: AppFieldWrite[] = [...ids.slice(0, 40), '999999'].map((issueId) => ({
      field: 'lane',
      issueId,
      value: 'Test',
    }));
    const result = await writeAppFieldValues(client, writes, { lane: LANE });
    expect(result.written).toHaveLength(40);
    expect(result.failed.map((f) => [f.issueId, f.reason])).toEqual([
      ['999999', 'POST /rest/api/3/app/field/value answered 400: The issue with ID 999999 does not exist.'],
    ]);
  });

  test('a 429 with Retry-After on the field write is waited out, then the values are written', async () => {
    const waits: number[] = [];
    const client = clientFor(sim, { sleep: async (ms) => void waits.push(ms) });
    sim.injectFaults({ status: 429, retryAfterSeconds: 3, times: 1, route: '/rest/api/3/app/field/value' });
    const result = await writeAppFieldValues(client, [{ field: 'lane', issueId: ids[5]!, value: 'Deploy' }], {
      lane: LANE,
    });
    expect(waits).toEqual([3000]);
    expect(result.written).toHaveLength(1);
    expect(sim.stats().byRoute['POST /rest/api/3/app/field/value']).toBe(2);
    const page = await bulkfetch(sim, { issueIdsOrKeys: [ids[5]], fields: [LANE] });
    expect(obj(obj(arr(obj(page.json).issues)[0]).fields)[LANE]).toBe('Deploy');
  });

  test('bulk property writes answer 303 to a COMPLETE task, and the property is stored', async () => {
    const state: IndexState = {
      v: 1,
      lane: 'Model',
      blocked: 'yes',
      handoff: 'blocked',
      waitingOn: 1,
      dodMet: 0,
      dodTotal: 4,
      dodComplete: 'no',
    };
    const raw = await fetch(`${sim.url}/rest/api/3/issue/properties/multi`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        issues: [{ issueID: Number(ids[0]), properties: { [INDEX_PROPERTY_KEY]: state } }],
      }),
    });
    expect(raw.status).toBe(303);
    const location = raw.headers.get('location') ?? '';
    expect(location).toMatch(/\/rest\/api\/3\/task\/\d+$/);
    const taskAnswer = await call(sim, 'GET', new URL(location).pathname);
    expectValid(spec.response('platform', '/rest/api/3/task/{taskId}', 'get'), taskAnswer.json, 'task');
    expect(obj(taskAnswer.json).status).toBe('COMPLETE');

    const result = await writeIndexStates(
      clientFor(sim),
      ids.slice(0, 130).map((issueId) => ({ issueId, state })),
    );
    expect(result).toMatchObject({ pending: [], failed: [], requests: 2 });
    expect(result.written).toHaveLength(130);
    const page = await bulkfetch(sim, {
      issueIdsOrKeys: [ids[129]],
      fields: ['summary'],
      properties: [INDEX_PROPERTY_KEY],
    });
    expect(obj(obj(arr(obj(page.json).issues)[0]).properties)[INDEX_PROPERTY_KEY]).toEqual(state);
  });

  test("/jql/parse answers in the spec's shape, and the adapter reports an invalid query in Jira's words", async () => {
    const queries = [
      'project = CV AND statusCategory = "To Do"',
      'project = NOPE',
      'NOT status = Done',
      'universe = 42',
    ];
    const answer = await call(sim, 'POST', '/rest/api/3/jql/parse?validation=strict', { queries });
    expect(answer.status).toBe(200);
    expectValid(spec.response('platform', '/rest/api/3/jql/parse', 'post'), answer.json, 'jql/parse');

    const checks = await checkJqlQueries(clientFor(sim), queries);
    expect(checks[0]).toEqual({ query: queries[0], ok: true, warnings: [] });
    expect(checks[1]).toEqual({
      query: 'project = NOPE',
      ok: true,
      warnings: ["The value 'NOPE' does not exist for the field 'project'."],
    });
    expect(checks[2]).toMatchObject({ ok: false, errors: [expect.stringContaining("'NOT'")] });
    expect(checks[3]).toMatchObject({ ok: false, errors: [expect.stringContaining("Field 'universe'")] });
  });
});

describe('a site of 1,000 issues', () => {
  let sim: RunningSimulator;
  const ids = parseWorkspace(syntheticWorkspace({ issues: 1000 })).issues.map((issue) => issue.id);
  beforeAll(async () => {
    sim = await startSimulator({ workspace: syntheticWorkspace({ issues: 1000 }) });
  });
  afterAll(() => sim.close());

  test('the lane of 1,000 issues with 3 values is written in 5 requests, and every value reads back', async () => {
    const client = clientFor(sim);
    const lanes = ['Data', 'Model', 'Code'];
    const writes = ids.map((issueId, n) => ({
      field: 'lane' as const,
      issueId,
      value: lanes[n % 3] ?? null,
    }));
    expect(writes.length).toBeGreaterThanOrEqual(1000);
    const result = await writeAppFieldValues(client, writes, { lane: LANE });
    expect(result.failed).toEqual([]);
    expect(sim.stats().byRoute['POST /rest/api/3/app/field/value']).toBe(Math.ceil(writes.length / 200));
    const page = await bulkfetch(sim, { issueIdsOrKeys: ids.slice(0, 100), fields: [LANE] });
    const read = arr(obj(page.json).issues).map((issue) => obj(obj(issue).fields)[LANE]);
    expect(read).toEqual(writes.slice(0, 100).map((w) => w.value));
  });
});

describe('a site ML Lanes was never deployed to', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ workspace: demoSite(), appFields: [] });
  });
  afterAll(() => sim.close());

  test('the adapter reports every field missing, and writes to them are refused without asking Jira', async () => {
    const client = clientFor(sim);
    const lookup = await resolveAppFields(client);
    expect(lookup.missing).toEqual(['lane', 'handoff', 'dod']);
    const fieldIds: AppFieldIds = lookup.ids;
    const result = await writeAppFieldValues(
      client,
      [{ field: 'dod', issueId: '10001', value: '1/2' }],
      fieldIds,
    );
    expect(result.failed).toMatchObject([{ code: 'field-missing' }]);
    expect(sim.stats().byRoute['POST /rest/api/3/app/field/value']).toBeUndefined();
    const direct = await call(sim, 'POST', '/rest/api/3/app/field/value', {
      updates: [{ customField: LANE, issueIds: [10001], value: 'Data' }],
    });
    expect(direct.status).toBe(404);
  });
});
