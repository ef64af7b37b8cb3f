import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResolverError } from '../../../src/contract/envelope';
import type { IssuePanelView } from '../../../src/contract/issue-api';
import type { PanelContext } from '../../../src/contract/resolver-api';
import { getModuleContext } from '../../shared/src/forge';
import { toIntlLocale } from '../../shared/src/format';
import { invokeResolver } from '../../shared/src/invoke';
import { ResolverErrorView } from '../../shared/src/States';
import { IssuePanel } from './components/IssuePanel';
import { LoadingPanel } from './components/States';

type IssuePanelContext = PanelContext;

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; error: ResolverError }
  | { status: 'ready'; view: IssuePanelView; context: IssuePanelContext };

/** Reads the module context (which issue, which theme), then the issue's panel view. */
export function App() {
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    void (async () => {
      let context: IssuePanelContext;
      try {
        context = await getModuleContext();
      } catch (error) {
        const detail = error instanceof Error ? error.message.trim() : String(error);
        if (current) {
          setState({
            status: 'error',
            error: { code: 'internal', message: `Jira did not give ML Lanes its context: ${detail}` },
          });
        }
        return;
      }
      const mode = context.theme?.colorMode;
      const html = document.documentElement;
      if (mode && !html.dataset.colorMode) html.dataset.colorMode = mode;
      const issueKey = context.extension.issue?.key;
      const result = await invokeResolver('getIssuePanel', issueKey ? { issueKey } : {});
      if (!current) return;
      setState(
        result.ok
          ? { status: 'ready', view: result.data, context }
          : { status: 'error', error: result.error },
      );
    })();
    return () => {
      current = false;
    };
  }, [attempt]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);

  return (
    <main className="mll-root mll-issue-root">
      {state.status === 'loading' ? (
        <LoadingPanel />
      ) : state.status === 'error' ? (
        <ResolverErrorView error={state.error} what="this issue" onRetry={retry} />
      ) : (
        <Loaded initial={state.view} context={state.context} />
      )}
    </main>
  );
}

/** The loaded panel: keeps the server's view, applying each write's answer. */
function Loaded({ initial, context }: { initial: IssuePanelView; context: IssuePanelContext }) {
  const [view, setView] = useState(initial);
  const issueKey = context.extension.issue?.key ?? initial.key;
  const locale = toIntlLocale(context.locale);
  /** Writes are numbered; an answer older than one already shown is dropped (the newer one includes it). */
  const latest = useRef(0);
  const shown = useRef(0);
  const apply = useCallback((ticket: number, next: IssuePanelView) => {
    if (ticket < shown.current) return;
    shown.current = ticket;
    setView(next);
  }, []);

  const setDodItem = useCallback(
    async (itemId: string, checked: boolean): Promise<ResolverError | null> => {
      const ticket = ++latest.current;
      const result = await invokeResolver('setDodItem', { issueKey, itemId, checked });
      if (!result.ok) return result.error;
      apply(ticket, result.data);
      return null;
    },
    [issueKey, apply],
  );

  const setLaneOverride = useCallback(
    async (lane: string | null): Promise<ResolverError | null> => {
      const ticket = ++latest.current;
      const result = await invokeResolver('setLaneOverride', { issueKey, lane });
      if (!result.ok) return result.error;
      apply(ticket, result.data);
      return null;
    },
    [issueKey, apply],
  );

  return (
    <IssuePanel view={view} locale={locale} onSetDodItem={setDodItem} onSetLaneOverride={setLaneOverride} />
  );
}
