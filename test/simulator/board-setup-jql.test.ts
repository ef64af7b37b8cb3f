import { defaultConfig } from '../../src/config/defaults';
import { boardSetup, setupQueries } from '../../src/domain/board-setup';
import { JiraClient } from '../../src/jira/client';
import { createBasicAuthSeam } from '../../src/jira/fetch-seam';
import { INDEX_PROPERTY_VERSION, writeIndexStates, type IndexState } from '../../src/jira/index-property';
import { checkJqlQueries } from '../../src/jira/jql-parse';
import { demoSite, parseWorkspace, startSimulator, type RunningSimulator } from '../../src/simulator';
import { arr, obj, searchJql } from './http';

/**
 * The board setup's JQL in the simulator: `issue.property[ml-lanes-state].…` clauses (and the aliases) are read
 * from each issue's stored property, OR joins alternatives, and every generated query parses and finds the issues
 * the board index marked.
 */

const setup = boardSetup(defaultConfig().lanes);
const swimlane = (id: string) => setup.swimlanes.find((lane) => lane.id === id)!.jql;
const quickFilter = (id: string) => setup.quickFilters.find((filter) => filter.id === id)!.jql;

function state(overrides: Partial<IndexState>): IndexState {
  return {
    v: INDEX_PROPERTY_VERSION,
    lane: null,
    blocked: 'no',
    handoff: 'none',
    waitingOn: 0,
    dodMet: 0,
    dodTotal: 0,
    dodComplete: 'yes',
    ...overrides,
  };
}

describe('board setup JQL on the demo site', () => {
  const demo = parseWorkspace(demoSite());
  const issue = (key: string) => demo.issues.find((each) => each.key === key)!;
  // In progress, in progress, in review, to do, to do, done, in progress (never written).
  const [data, model, unclassified, blockedTodo, readyTodo, doneDodIncomplete, notWritten] = [
    'CV-101',
    'CV-103',
    'CV-104',
    'CV-105',
    'CV-106',
    'CV-100',
    'CV-107',
  ].map(issue);
  let sim: RunningSimulator;
  let client: JiraClient;

  beforeAll(async () => {
    sim = await startSimulator({ workspace: demoSite() });
    client = new JiraClient(createBasicAuthSeam({ site: sim.url, email: 'app@example.com', apiToken: 'x' }));
    const result = await writeIndexStates(client, [
      { issueId: data!.id, state: state({ lane: 'data', dodComplete: 'no', dodTotal: 2, dodMet: 1 }) },
      { issueId: model!.id, state: state({ lane: 'model' }) },
      { issueId: unclassified!.id, state: state({ lane: null }) },
      {
        issueId: blockedTodo!.id,
        state: state({ lane: 'data', blocked: 'yes', handoff: 'blocked', waitingOn: 2 }),
      },
      { issueId: readyTodo!.id, state: state({ lane: 'model', handoff: 'ready' }) },
      { issueId: doneDodIncomplete!.id, state: state({ lane: 'test', dodComplete: 'no', dodTotal: 3 }) },
    ]);
    expect(result.failed).toEqual([]);
  });
  afterAll(() => sim.close());

  async function keys(jql: string): Promise<string[]> {
    const answer = await searchJql(sim, { jql, fields: ['summary'], maxResults: 100 });
    expect(answer.status).toBe(200);
    return arr(obj(answer.json).issues).map((issue) => String(obj(issue).key));
  }

  test('every generated query is valid by /jql/parse', async () => {
    const checks = await checkJqlQueries(client, setupQueries(setup));
    expect(checks.filter((check) => !check.ok)).toEqual([]);
  });

  test("a lane's swimlane finds the issues the index put in that lane", async () => {
    expect(await keys(swimlane('data'))).toEqual([data!.key, blockedTodo!.key]);
    expect(await keys(swimlane('model'))).toEqual([model!.key, readyTodo!.key]);
  });

  test('"No lane" finds issues written with no lane and issues not indexed at all, and none in a lane', async () => {
    const found = await keys(`project = ${data!.projectKey} AND ${swimlane('no-lane')}`);
    expect(found).toContain(unclassified!.key);
    expect(found).toContain(notWritten!.key);
    expect(found).not.toContain(data!.key);
    expect(found).not.toContain(model!.key);
  });

  test('the quick filters and the aliases read the same values', async () => {
    expect(await keys(quickFilter('blocked'))).toEqual([blockedTodo!.key]);
    expect(await keys('mlLanesBlocked = "yes"')).toEqual([blockedTodo!.key]);
    expect(await keys(quickFilter('dod-incomplete'))).toEqual([doneDodIncomplete!.key, data!.key]);
    expect(await keys(quickFilter('ready'))).toEqual([readyTodo!.key]);
    const doneColour = setup.cardColours.find((colour) => colour.id === 'done-dod-incomplete')!;
    expect(await keys(doneColour.jql)).toEqual([doneDodIncomplete!.key]);
    expect(await keys('mlLanesWaitingOn >= 1')).toEqual([blockedTodo!.key]);
  });

  test('DoD counts are searchable on the board index, as issue 11 lists them', async () => {
    expect(await keys('issue.property[ml-lanes-state].dodTotal >= 3')).toEqual([doneDodIncomplete!.key]);
    expect(await keys('issue.property[ml-lanes-state].dodMet = 1')).toEqual([data!.key]);
  });

  test('!= never matches an issue without the property, as in Jira', async () => {
    const found = await keys('issue.property[ml-lanes-state].blocked != "yes"');
    expect(found).toEqual([doneDodIncomplete!.key, data!.key, model!.key, unclassified!.key, readyTodo!.key]);
  });

  test('a property the app does not index is an error naming what is indexed', async () => {
    const answer = await searchJql(sim, { jql: 'issue.property[other-app].lane = "data"' });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.json)).toContain('issue.property[ml-lanes-state].lane');
  });
});
