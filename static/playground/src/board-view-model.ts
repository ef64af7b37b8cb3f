/**
 * What the playground's board page shows: the playground's stand-in for Jira's own board, drawn from what Jira
 * answers (search, the app's field values) and the board setup ML Lanes generates. Shared by the server that reads
 * it and the page that draws it; plain JSON.
 */

export interface BoardCard {
  id: string;
  key: string;
  summary: string;
  issueType: string;
  status: string;
  statusCategory: 'new' | 'indeterminate' | 'done' | 'undefined';
  /** The app's three fields as Jira's card layout would show them; null when the app has not written one. */
  lane: string | null;
  handoff: string | null;
  dod: string | null;
  /** The first card colour query the issue matches (Jira colours a card by the first), or null. */
  colour: { id: string; name: string; colour: string } | null;
}

export interface BoardColumn {
  name: string;
  /** Status ids in this column (the board configuration's column mapping). */
  statusIds: string[];
}

export interface BoardSwimlane {
  id: string;
  name: string;
  jql: string;
  /** Cards per column, in the columns' order, each in rank order. */
  cells: BoardCard[][];
}

export interface BoardQuickFilter {
  id: string;
  name: string;
  jql: string;
  active: boolean;
}

export interface BoardView {
  board: { id: number; name: string; projectKey: string | null };
  sprint: { id: number; name: string } | null;
  /** The JQL of the board's issues before quick filters (this sprint of this project). */
  boardJql: string;
  columns: BoardColumn[];
  swimlanes: BoardSwimlane[];
  quickFilters: BoardQuickFilter[];
  /** Issues on the board, and how many the active quick filters leave. */
  counts: { onBoard: number; shown: number };
  /** Index jobs still waiting or running in the playground (0: the fields are as current as the last event). */
  indexPending: number;
  /** Whether the page may move cards (on the simulator; a real site is only read). */
  canMove: boolean;
  /** What could not be read or shown (e.g. the app's fields are not on the site); empty when all is there. */
  problems: string[];
}

/** `POST /__playground/board/move`: move an issue on the board (e.g. to Done), through Jira's transition. */
export interface BoardMoveRequest {
  issueKey: string;
  /** The status to move the issue to, by name. */
  to: string;
}
