/**
 * Every change the admin page sends (save, import, restore, reset) and the reload after a conflict go through
 * here: one at a time, with what happened said once — a success flag, or a notice naming why nothing was saved.
 */
import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { ConfigProblemView, SavedConfigView } from '../../../../src/contract/admin-api';
import type { ResolverError, ResolverResult } from '../../../../src/contract/envelope';
import type { Change } from '../model/diff';
import type { Config } from '../model/edit';
import type { MergeConflict } from '../model/merge';

/** What the page has to tell the admin after a save, import, restore or reset that did not go through. */
export type Notice =
  | { kind: 'conflict'; currentRevision: number; message: string }
  | { kind: 'reloaded'; revision: number; theirChanges: Change[]; conflicts: MergeConflict[] }
  | { kind: 'error'; title: string; error: ResolverError }
  | { kind: 'import-problems'; message: string; problems: ConfigProblemView[] };

export type Busy = null | 'save' | 'import' | 'reset' | 'reload' | { restore: number };

/** How long the success flag stays before it goes by itself. */
const FLAG_MS = 8000;

export interface WriteHandlers {
  /** The server accepted the change: this is what is saved now. */
  onWritten: (view: SavedConfigView) => void;
  /** The server refused the draft a save sent, with its problems (shown at their controls). */
  onRefused: (sent: Config, problems: ConfigProblemView[]) => void;
}

export interface WriteRequest {
  busy: Exclude<Busy, null | 'reload'>;
  send: () => Promise<ResolverResult<SavedConfigView>>;
  /** The flag's words, from what was saved. */
  success: (view: SavedConfigView) => string;
  /** The draft a save sent: its problems go next to the controls. Without it (an import) they are listed. */
  sent?: Config;
}

export interface Writes {
  busy: Busy;
  notice: Notice | null;
  flag: string | null;
  write: (request: WriteRequest) => void;
  /** Reads while busy (the reload after a conflict); a failure becomes an error notice titled `failed`. */
  read: <T>(
    busy: 'reload',
    fetch: () => Promise<ResolverResult<T>>,
    failed: string,
    onData: (data: T) => void,
  ) => void;
  setNotice: Dispatch<SetStateAction<Notice | null>>;
  dismissFlag: () => void;
}

export function useWrite({ onWritten, onRefused }: WriteHandlers): Writes {
  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [flag, setFlag] = useState<string | null>(null);

  useEffect(() => {
    if (flag === null) return undefined;
    const timer = setTimeout(() => setFlag(null), FLAG_MS);
    return () => clearTimeout(timer);
  }, [flag]);

  const write = useCallback(
    ({ busy: what, send, success, sent }: WriteRequest) => {
      setBusy(what);
      setNotice(null);
      void send().then((result) => {
        setBusy(null);
        if (result.ok) {
          onWritten(result.data);
          setFlag(success(result.data));
          return;
        }
        const { error } = result;
        if (error.code === 'invalid-config' && sent) onRefused(sent, error.problems);
        setFlag(null);
        setNotice(noticeFor(error, sent !== undefined));
      });
    },
    [onWritten, onRefused],
  );

  const read = useCallback(
    <T>(
      what: 'reload',
      fetch: () => Promise<ResolverResult<T>>,
      failed: string,
      onData: (data: T) => void,
    ) => {
      setBusy(what);
      void fetch().then((result) => {
        setBusy(null);
        if (result.ok) onData(result.data);
        else setNotice({ kind: 'error', title: failed, error: result.error });
      });
    },
    [],
  );

  const dismissFlag = useCallback(() => setFlag(null), []);
  return { busy, notice, flag, write, read, setNotice, dismissFlag };
}

/** Why a change was not saved, as the notice the admin reads. A save's problems are shown at their controls. */
function noticeFor(error: ResolverError, savedDraft: boolean): Notice {
  switch (error.code) {
    case 'conflict':
      return { kind: 'conflict', currentRevision: error.currentRevision, message: error.message };
    case 'invalid-config':
      return savedDraft
        ? { kind: 'error', title: 'Nothing was saved: the configuration has problems', error }
        : { kind: 'import-problems', message: error.message, problems: error.problems };
    case 'forbidden':
      return { kind: 'error', title: 'Only Jira administrators can change this configuration', error };
    case 'bad-request':
    case 'not-found':
    case 'no-sprints':
    case 'rate-limited':
    case 'jira-unavailable':
    case 'internal':
      return { kind: 'error', title: 'Nothing was saved', error };
  }
}
