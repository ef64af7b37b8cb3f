import { boardSetup, jqlString, setupQueries, STATE_PROPERTY } from '../../src/domain/board-setup';
import { defaultConfig } from '../../src/config/defaults';
import { INDEX_PROPERTY_KEY } from '../../src/jira/index-property';

describe('the board setup JQL', () => {
  const lanes = defaultConfig().lanes;

  test('every configured lane gets a swimlane, in lane order, then one for the issues in no lane', () => {
    const { swimlanes } = boardSetup(lanes);
    expect(swimlanes.map((lane) => lane.name)).toEqual([...lanes.map((lane) => lane.name), 'No lane']);
    expect(swimlanes[0]).toEqual({
      id: lanes[0]!.id,
      name: lanes[0]!.name,
      jql: `issue.property[ml-lanes-state].lane = "${lanes[0]!.id}"`,
    });
    const ids = lanes.map((lane) => `"${lane.id}"`).join(', ');
    expect(swimlanes.at(-1)!.jql).toBe(
      `issue.property[ml-lanes-state].lane IS EMPTY OR issue.property[ml-lanes-state].lane NOT IN (${ids})`,
    );
  });

  test('lanes are searched by id, never by the name people read', () => {
    const { swimlanes } = boardSetup([{ id: 'label-qa', name: 'Labeling "QA" \\ review' }]);
    expect(swimlanes[0]!.jql).toBe('issue.property[ml-lanes-state].lane = "label-qa"');
    expect(swimlanes[0]!.name).toBe('Labeling "QA" \\ review');
  });

  test('quotes and backslashes inside a value are escaped as JQL reads them', () => {
    expect(jqlString('data')).toBe('"data"');
    expect(jqlString('say "hi"')).toBe('"say \\"hi\\""');
    expect(jqlString('a\\b')).toBe('"a\\\\b"');
  });

  test('the three quick filters read the index on its short values', () => {
    expect(boardSetup(lanes).quickFilters).toEqual([
      { id: 'blocked', name: 'Blocked handoffs', jql: 'issue.property[ml-lanes-state].blocked = "yes"' },
      {
        id: 'dod-incomplete',
        name: 'DoD incomplete',
        jql: 'issue.property[ml-lanes-state].dodComplete = "no"',
      },
      {
        id: 'ready',
        name: 'Ready to start',
        jql: 'issue.property[ml-lanes-state].blocked = "no" AND statusCategory = "To Do"',
      },
    ]);
  });

  test('card colours put blocked first (Jira colours a card by the first query it matches)', () => {
    const colours = boardSetup(lanes).cardColours;
    expect(colours.map((colour) => colour.id)).toEqual(['blocked', 'done-dod-incomplete', 'ready']);
    expect(colours.every((colour) => /^#[0-9A-F]{6}$/.test(colour.colour))).toBe(true);
  });

  test('the card layout names the three app fields as the manifest does', () => {
    expect(boardSetup(lanes).cardFields.map((field) => field.name)).toEqual([
      'ML lane',
      'ML handoff',
      'ML DoD progress',
    ]);
  });

  test('the property is the one the board index writes; each query is checked once', () => {
    expect(STATE_PROPERTY).toBe(INDEX_PROPERTY_KEY);
    const setup = boardSetup(lanes);
    const queries = setupQueries(setup);
    expect(new Set(queries).size).toBe(queries.length);
    expect(queries).toHaveLength(lanes.length + 1 + 3 + 1); // "blocked" and "ready" repeat in the colours
  });
});
