/**
 * Live validation by the server (the validateConfig resolver: every problem a save would report, fields the site
 * lacks included), so the browser ships no validator of its own. Asked once the admin pauses typing.
 */
import { useEffect, type Dispatch } from 'react';
import { call } from '../api';
import type { DocumentAction } from '../model/document';
import type { Config } from '../model/edit';

/** The pause after the last edit before the draft is sent to be checked. */
export const CHECK_DELAY_MS = 300;

/** Checks `draft` when `needed`; an answer that arrives after the draft changed again is dropped. */
export function useLiveCheck(
  draft: Config | null,
  needed: boolean,
  dispatch: Dispatch<DocumentAction>,
): void {
  useEffect(() => {
    if (!needed || !draft) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      void call('validateConfig', { config: draft }).then((result) => {
        if (!current) return;
        dispatch(
          result.ok
            ? { type: 'checked', draft, problems: result.data }
            : { type: 'check-failed', draft, error: result.error },
        );
      });
    }, CHECK_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [draft, needed, dispatch]);
}
