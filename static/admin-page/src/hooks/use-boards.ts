import { useEffect, useState } from 'react';
import type { ResolverError } from '../../../../src/contract/envelope';
import type { BoardChoice } from '../../../../src/contract/resolver-api';
import { call } from '../api';

export type BoardsState =
  | { status: 'loading' }
  | { status: 'error'; error: ResolverError }
  | { status: 'ready'; boards: BoardChoice[] };

/** The boards the person can see (one project's, when a project is being configured), for the board pickers. */
export function useBoards(projectKey: string | undefined): BoardsState {
  const [boards, setBoards] = useState<BoardsState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setBoards({ status: 'loading' });
    void call('listBoards', projectKey ? { projectKey } : {}).then((result) => {
      if (!current) return;
      setBoards(
        result.ok ? { status: 'ready', boards: result.data } : { status: 'error', error: result.error },
      );
    });
    return () => {
      current = false;
    };
  }, [projectKey]);
  return boards;
}
