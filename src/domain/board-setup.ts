import type { LaneConfig } from '../config/schema';

/*
 * The JQL a Jira admin pastes into a board's settings so the board shows ML lanes: swimlanes per lane, quick
 * filters and card colours. Jira's REST API cannot write any of these (no endpoint for swimlanes, quick filters or
 * card colours), so they are offered to copy, never applied. Every clause reads the `ml-lanes-state` property the
 * board index writes as the app, on its short enumerated values (lane id, "yes"/"no", "blocked"/"ready"/"none"):
 * the fields' display texts ("Blocked · waits on 2: Data, Code") change with every count and only match exactly.
 */

/** The issue property the board index writes (src/jira/index-property.ts), indexed by manifest.yml. */
export const STATE_PROPERTY = 'ml-lanes-state';

/** One query to paste, with the name to give it in Jira. */
export interface BoardQuery {
  /** Stable within its list: a lane id, `no-lane`, or the filter's or colour's own id. */
  id: string;
  name: string;
  jql: string;
}

export interface CardColour extends BoardQuery {
  /** A suggestion for Jira's colour picker (#rrggbb). */
  colour: string;
}

/** The app's read-only fields, by the names manifest.yml gives them. */
export interface CardField {
  role: 'lane' | 'handoff' | 'dod';
  name: string;
}

export interface BoardSetup {
  /** Board settings → Swimlanes → Queries: one per lane in configuration order, then the issues in no lane. */
  swimlanes: BoardQuery[];
  /** Board settings → Quick filters. */
  quickFilters: BoardQuery[];
  /** Board settings → Card colours → Queries: Jira colours a card by the first query it matches. */
  cardColours: CardColour[];
  /** Board settings → Card layout (company-managed boards; up to three fields per card). */
  cardFields: CardField[];
}

export const CARD_FIELDS: readonly CardField[] = [
  { role: 'lane', name: 'ML lane' },
  { role: 'handoff', name: 'ML handoff' },
  { role: 'dod', name: 'ML DoD progress' },
];

/** A JQL string literal: double quotes, with `"` and `\` escaped as JQL reads them. */
export function jqlString(value: string): string {
  return `"${value.replace(/[\\"]/g, (character) => `\\${character}`)}"`;
}

/** `issue.property[ml-lanes-state].<path>`: the unquoted key form, which Jira and the simulator both read. */
export function stateClause(path: 'lane' | 'blocked' | 'handoff' | 'dodComplete'): string {
  return `issue.property[${STATE_PROPERTY}].${path}`;
}

const BLOCKED = `${stateClause('blocked')} = "yes"`;
const NOT_BLOCKED = `${stateClause('blocked')} = "no"`;
const DOD_INCOMPLETE = `${stateClause('dodComplete')} = "no"`;
const TO_DO = 'statusCategory = "To Do"';

/** The setup for a board whose issues are classified into `lanes` (its project's configuration). Pure. */
export function boardSetup(lanes: readonly Pick<LaneConfig, 'id' | 'name'>[]): BoardSetup {
  const lane = stateClause('lane');
  const swimlanes: BoardQuery[] = lanes.map(({ id, name }) => ({
    id,
    name,
    jql: `${lane} = ${jqlString(id)}`,
  }));
  // No lane: written as "" (maybe not indexed at all), or not written yet; `NOT IN` alone never matches empty.
  const noLane =
    lanes.length === 0
      ? `${lane} IS EMPTY`
      : `${lane} IS EMPTY OR ${lane} NOT IN (${lanes.map(({ id }) => jqlString(id)).join(', ')})`;
  swimlanes.push({ id: 'no-lane', name: 'No lane', jql: noLane });
  return {
    swimlanes,
    quickFilters: [
      { id: 'blocked', name: 'Blocked handoffs', jql: BLOCKED },
      { id: 'dod-incomplete', name: 'DoD incomplete', jql: DOD_INCOMPLETE },
      { id: 'ready', name: 'Ready to start', jql: `${NOT_BLOCKED} AND ${TO_DO}` },
    ],
    cardColours: [
      { id: 'blocked', name: 'Blocked handoff', jql: BLOCKED, colour: '#FF5630' },
      {
        id: 'done-dod-incomplete',
        name: 'Done, Definition of Done not met',
        jql: `statusCategory = Done AND ${DOD_INCOMPLETE}`,
        colour: '#FFAB00',
      },
      { id: 'ready', name: 'Ready to start', jql: `${NOT_BLOCKED} AND ${TO_DO}`, colour: '#36B37E' },
    ],
    cardFields: CARD_FIELDS.map((field) => ({ ...field })),
  };
}

/** Every query of a setup, once each, in the order shown: what the admin page asks Jira to check. */
export function setupQueries(setup: BoardSetup): string[] {
  return [
    ...new Set([...setup.swimlanes, ...setup.quickFilters, ...setup.cardColours].map((query) => query.jql)),
  ];
}
