/** The scope's saved revisions (the newest 20), for the History section; reloaded after every change. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConfigScopeRef } from '../../../../src/contract/admin-api';
import { call } from '../api';
import type { RevisionsState } from '../components/HistorySection';

const SHOWN = 20;

export function useRevisions(scope: ConfigScopeRef): [RevisionsState, () => void] {
  const [revisions, setRevisions] = useState<RevisionsState>({ status: 'loading' });
  // Only the newest request speaks: an earlier answer arriving late would show an older history.
  const latest = useRef(0);
  const load = useCallback(() => {
    const request = ++latest.current;
    setRevisions({ status: 'loading' });
    void call('listRevisions', scope).then((result) => {
      if (request !== latest.current) return;
      setRevisions(
        result.ok
          ? { status: 'ready', revisions: result.data.slice(0, SHOWN) }
          : { status: 'error', error: result.error },
      );
    });
  }, [scope]);
  useEffect(load, [load]);
  return [revisions, load];
}
