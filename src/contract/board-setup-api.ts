/**
 * The admin page's board setup: the JQL to paste into a board's settings (swimlanes, quick filters, card colours),
 * Jira's verdict on each query, which of the app's fields the site has, and the board index's status with
 * "re-index now". Reading is open to whoever sees the admin page; re-indexing is for Jira admins, checked on the
 * server. Nothing here changes a board: Jira's REST API cannot write swimlanes, quick filters or card colours.
 */

/** Jira's verdict on one query (`POST /rest/api/3/jql/parse`, asked as the person looking), in its own words. */
export type JqlVerdict =
  | { status: 'valid'; warnings: string[] }
  | { status: 'invalid'; errors: string[]; warnings: string[] }
  /** Jira could not be asked; `BoardSetupView.jqlProblem` says why. */
  | { status: 'unchecked' };

export interface BoardSetupQuery {
  id: string;
  /** The name to give it in Jira ("Data", "Blocked handoffs"). */
  name: string;
  jql: string;
  verdict: JqlVerdict;
}

export interface BoardSetupColour extends BoardSetupQuery {
  /** A suggested colour (#rrggbb) for Jira's picker. */
  colour: string;
}

export interface BoardSetupField {
  role: 'lane' | 'handoff' | 'dod';
  /** As Jira lists it in the card layout ("ML lane"). */
  name: string;
  /** present: on the site; missing: not deployed here (or removed); ambiguous: several installations' fields. */
  state: 'present' | 'missing' | 'ambiguous' | 'unknown';
  /** The site's `customfield_NNNNN` id, when present. */
  fieldId: string | null;
}

/** The board index's run status (src/storage/board-index-store.ts), as the page shows it. */
export interface IndexStatusView {
  lastFullReindexAt: string | null;
  issuesIndexed: number;
  eventsProcessed: number;
  lastRunAt: string | null;
  lastErrors: string[];
}

export interface BoardSetupView {
  board: { id: number; name: string; type: string; projectKey: string | null };
  /** Whose lanes the swimlanes follow, in words ("the CV configuration", "the site configuration"). */
  lanesFrom: string;
  swimlanes: BoardSetupQuery[];
  quickFilters: BoardSetupQuery[];
  /** In order: Jira colours a card by the first query it matches. */
  cardColours: BoardSetupColour[];
  cardFields: BoardSetupField[];
  /** Why Jira's verdicts are missing (Jira unavailable, too slow…); null when every query was checked. */
  jqlProblem: string | null;
  /** One line per field that is missing or ambiguous, or why the site's fields could not be read. */
  fieldProblems: string[];
  /** null where this host keeps no board index (then there is nothing to re-index either). */
  index: IndexStatusView | null;
  /** Whether the caller may press "Re-index now" (a Jira administrator, asked of Jira). */
  canReindex: boolean;
}

export interface ReindexResult {
  /** Issues in open sprints put on the queue. */
  issuesQueued: number;
  jobs: number;
  /** false when Jira's search stopped early: the rest waits for the daily reconcile or another press. */
  complete: boolean;
  index: IndexStatusView;
}

export interface BoardSetupApi {
  getBoardSetup: { payload: { boardId: number }; result: BoardSetupView };
  /** Every issue in open sprints back onto the board index's queue (admin only). */
  reindexBoardIndex: { payload: Record<string, never>; result: ReindexResult };
}

export const BOARD_SETUP_RESOLVER_KEYS = [
  'getBoardSetup',
  'reindexBoardIndex',
] as const satisfies readonly (keyof BoardSetupApi)[];
