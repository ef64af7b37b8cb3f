/**
 * The Connections section's state: the saved settings and the admin's draft beside them, one write at a time,
 * and the secret a create or rotate just returned (kept in memory only, until the admin says they copied it).
 * A save refused because someone else saved meanwhile keeps the draft; "reload" applies it on top of theirs.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ConfigProblemView } from '../../../../src/contract/admin-api';
import type {
  Connections,
  ConnectionsView,
  EvidenceTool,
  IssuedSecretView,
} from '../../../../src/contract/connections-api';
import type { ResolverError } from '../../../../src/contract/envelope';
import { call } from '../api';
import { deepEqual, mergeThreeWay, type MergeConflict } from '../model/merge';

export type ConnectionsNotice =
  | { kind: 'saved'; message: string }
  | { kind: 'conflict'; message: string }
  | { kind: 'reloaded'; revision: number; conflicts: MergeConflict[] }
  | { kind: 'problems'; message: string }
  | { kind: 'error'; title: string; error: ResolverError };

export type ConnectionsBusy = null | 'save' | 'reload' | 'url' | { secret: EvidenceTool };

export type ConnectionsState =
  | { status: 'loading' }
  | { status: 'error'; error: ResolverError }
  | { status: 'ready'; view: ConnectionsView; draft: Connections };

export interface ConnectionsModel {
  state: ConnectionsState;
  dirty: boolean;
  problems: ConfigProblemView[];
  notice: ConnectionsNotice | null;
  busy: ConnectionsBusy;
  issued: IssuedSecretView | null;
  retry: () => void;
  edit: (draft: Connections) => void;
  discard: () => void;
  save: () => void;
  reloadKeepingMine: () => void;
  issueSecret: (tool: EvidenceTool, rotate: boolean) => void;
  forgetIssued: () => void;
  rotateUrl: () => void;
  dismissNotice: () => void;
}

export function useConnections(): ConnectionsModel {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<ConnectionsState>({ status: 'loading' });
  const [problems, setProblems] = useState<ConfigProblemView[]>([]);
  const [notice, setNotice] = useState<ConnectionsNotice | null>(null);
  const [busy, setBusy] = useState<ConnectionsBusy>(null);
  const [issued, setIssued] = useState<IssuedSecretView | null>(null);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    void call('getConnections', {}).then((result) => {
      if (!current) return;
      setState(
        result.ok
          ? { status: 'ready', view: result.data, draft: result.data.connections }
          : { status: 'error', error: result.error },
      );
    });
    return () => {
      current = false;
    };
  }, [attempt]);

  const ready = state.status === 'ready' ? state : null;
  const dirty = ready !== null && !deepEqual(ready.view.connections, ready.draft);

  const edit = useCallback((draft: Connections) => {
    setState((previous) => (previous.status === 'ready' ? { ...previous, draft } : previous));
  }, []);

  const save = () => {
    if (!ready || busy !== null) return;
    const sent = ready.draft;
    setBusy('save');
    void call('saveConnections', { connections: sent, baseRevision: ready.view.revision }).then((result) => {
      setBusy(null);
      if (result.ok) {
        setState({ status: 'ready', view: result.data, draft: result.data.connections });
        setProblems([]);
        setNotice({ kind: 'saved', message: `Saved as revision ${result.data.revision}.` });
        return;
      }
      const { error } = result;
      if (error.code === 'invalid-config') {
        setProblems(error.problems);
        setNotice({
          kind: 'problems',
          message: `Nothing was saved: ${error.problems.length === 1 ? 'one setting needs' : `${error.problems.length} settings need`} fixing (shown at each).`,
        });
      } else if (error.code === 'conflict') {
        setNotice({ kind: 'conflict', message: error.message });
      } else {
        setNotice({ kind: 'error', title: 'Nothing was saved', error });
      }
    });
  };

  const reloadKeepingMine = () => {
    if (!ready || busy !== null) return;
    const started = ready.view.connections;
    const mine = ready.draft;
    setBusy('reload');
    void call('getConnections', {}).then((result) => {
      setBusy(null);
      if (!result.ok) {
        setNotice({ kind: 'error', title: 'Could not reload the saved connections', error: result.error });
        return;
      }
      const { merged, conflicts } = mergeThreeWay<Connections>(started, mine, result.data.connections);
      setState({ status: 'ready', view: result.data, draft: merged });
      setNotice({ kind: 'reloaded', revision: result.data.revision, conflicts });
    });
  };

  const issueSecret = (tool: EvidenceTool, rotate: boolean) => {
    if (busy !== null) return;
    setBusy({ secret: tool });
    void call(rotate ? 'rotateSecret' : 'createSecret', { tool }).then((result) => {
      setBusy(null);
      if (!result.ok) {
        setNotice({ kind: 'error', title: 'No secret was created', error: result.error });
        return;
      }
      setIssued(result.data);
      const { createdAt } = result.data;
      setState((previous) =>
        previous.status === 'ready'
          ? {
              ...previous,
              view: {
                ...previous.view,
                tools: previous.view.tools.map((each) =>
                  each.tool === tool ? { ...each, secret: { configured: true, createdAt } } : each,
                ),
              },
            }
          : previous,
      );
    });
  };

  const rotateUrl = () => {
    if (busy !== null) return;
    setBusy('url');
    void call('rotateUrl', {}).then((result) => {
      setBusy(null);
      if (!result.ok) {
        setNotice({ kind: 'error', title: 'The URL was not replaced', error: result.error });
        return;
      }
      const view = result.data;
      setState((previous) =>
        previous.status === 'ready'
          ? { ...previous, view: { ...previous.view, tools: view.tools } }
          : previous,
      );
      setNotice({
        kind: 'saved',
        message: 'The web trigger has a new URL: paste it into every tool you use.',
      });
    });
  };

  return {
    state,
    dirty,
    problems,
    notice,
    busy,
    issued,
    retry: () => setAttempt((value) => value + 1),
    edit,
    discard: () => {
      setState((previous) =>
        previous.status === 'ready' ? { ...previous, draft: previous.view.connections } : previous,
      );
      setProblems([]);
      setNotice(null);
    },
    save,
    reloadKeepingMine,
    issueSecret,
    forgetIssued: () => setIssued(null),
    rotateUrl,
    dismissNotice: () => setNotice(null),
  };
}
