/**
 * The configuration document being edited, as one state: the saved copy, the admin's draft, whether a project is
 * getting an override of its own, and what the server last said about which draft. Every change the page makes
 * to it is an action here, so the rules (a check of an older draft never speaks for a newer one; a reload after a
 * conflict puts the admin's edits on top of theirs) live in one pure function.
 */
import type { ConfigProblemView, SavedConfigView } from '../../../../src/contract/admin-api';
import type { ResolverError } from '../../../../src/contract/envelope';
import type { Config } from './edit';
import { setIn, type MergeConflict } from './merge';

/** What the server said about one draft: its problems (none when valid), or that it could not check it. */
export type Check =
  | { draft: Config; status: 'checked'; problems: ConfigProblemView[] }
  | { draft: Config; status: 'failed'; error: ResolverError };

export interface DocumentState {
  /** What is saved (null until the first load answers). */
  view: SavedConfigView | null;
  loadError: ResolverError | null;
  draft: Config | null;
  /** A project that follows the site, while the admin creates its own configuration. */
  overriding: boolean;
  /** The server's last word on a draft; it speaks for the draft on screen only if it is that very document. */
  check: Check | null;
}

export type DocumentAction =
  | { type: 'load-started' }
  | { type: 'load-failed'; error: ResolverError }
  /** A load, or a write the server accepted: its answer is the new saved copy and the draft starts over from it. */
  | { type: 'saved-view'; view: SavedConfigView }
  | { type: 'edited'; edit: (draft: Config) => Config }
  | { type: 'override-started' }
  | { type: 'discarded' }
  /** After a conflict: their revision is the saved copy now, with the admin's edits merged on top. */
  | { type: 'reloaded'; view: SavedConfigView; merged: Config }
  | { type: 'took-theirs'; conflict: MergeConflict }
  | { type: 'kept-theirs' }
  /** The server's problems for `draft`: a live check, or a save it refused. */
  | { type: 'checked'; draft: Config; problems: ConfigProblemView[] }
  | { type: 'check-failed'; draft: Config; error: ResolverError };

export const INITIAL_DOCUMENT: DocumentState = {
  view: null,
  loadError: null,
  draft: null,
  overriding: false,
  check: null,
};

export function documentReducer(state: DocumentState, action: DocumentAction): DocumentState {
  switch (action.type) {
    case 'load-started':
      return { ...state, loadError: null };
    case 'load-failed':
      return { ...state, loadError: action.error };
    case 'saved-view':
      return { ...state, view: action.view, loadError: null, draft: action.view.config, overriding: false };
    case 'edited': {
      if (!state.draft) return state;
      const draft = action.edit(state.draft);
      return draft === state.draft ? state : { ...state, draft };
    }
    case 'override-started':
      return { ...state, overriding: true };
    case 'discarded':
      return state.view ? { ...state, draft: state.view.config, overriding: false } : state;
    case 'reloaded':
      return {
        ...state,
        view: action.view,
        draft: action.merged,
        // A project that still follows the site: the admin's edits can only be kept as a new override.
        overriding: followsSite(action.view) ? true : state.overriding,
      };
    case 'took-theirs':
      return state.draft
        ? { ...state, draft: setIn(state.draft, action.conflict.parts, action.conflict.theirs) }
        : state;
    case 'kept-theirs':
      return state.view ? { ...state, draft: state.view.config } : state;
    case 'checked':
    case 'check-failed':
      // An answer about a draft the admin has edited since says nothing about the one on screen.
      if (action.draft !== state.draft) return state;
      return {
        ...state,
        check:
          action.type === 'checked'
            ? { draft: action.draft, status: 'checked', problems: action.problems }
            : { draft: action.draft, status: 'failed', error: action.error },
      };
  }
}

/** A project scope with no configuration of its own. */
export function followsSite(view: SavedConfigView): boolean {
  return view.scope.projectKey !== undefined && view.source !== 'saved';
}

/** What is known about the draft on screen: still being checked, checked (with its problems), or not checkable. */
export type DraftCheck =
  | { status: 'pending'; problems: readonly ConfigProblemView[] }
  | { status: 'checked'; problems: readonly ConfigProblemView[] }
  | { status: 'failed'; problems: readonly ConfigProblemView[]; error: ResolverError };

/** One empty list for every draft without known problems, so what depends on the list does not change. */
const NO_PROBLEMS: readonly ConfigProblemView[] = Object.freeze([]);

export function draftCheck(state: DocumentState): DraftCheck {
  const { check } = state;
  if (!check || check.draft !== state.draft) return { status: 'pending', problems: NO_PROBLEMS };
  return check.status === 'checked'
    ? { status: 'checked', problems: check.problems }
    : { status: 'failed', problems: NO_PROBLEMS, error: check.error };
}
