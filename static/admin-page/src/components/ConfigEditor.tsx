import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import type { ConfigProblemView, SavedConfigView, SiteCatalog } from '../../../../src/contract/admin-api';
import { ResolverErrorView } from '../../../shared/src/States';
import { call } from '../api';
import type { CatalogState } from '../App';
import { useLiveCheck } from '../hooks/use-live-check';
import { useRevisions } from '../hooks/use-revisions';
import { useWrite } from '../hooks/use-write';
import { diffConfigs } from '../model/diff';
import {
  documentReducer,
  draftCheck,
  followsSite as followsSiteOf,
  INITIAL_DOCUMENT,
} from '../model/document';
import type { Config } from '../model/edit';
import { mergeThreeWay } from '../model/merge';
import { anchorOf, controlId, groupByAnchor, problemListId, sectionOf } from '../model/problems';
import { CatalogContext, EMPTY_CATALOG } from './common';
import { ConfigDiff } from './ConfigDiff';
import { AnchorProblems, EditableContext, ProblemsContext } from './controls';
import { CapacitySection } from './CapacitySection';
import { DodSection } from './DodSection';
import { BoardSetupSection } from './BoardSetupSection';
import { ConnectionsSection } from './ConnectionsSection';
import { Banners, Header } from './Header';
import { HistorySection } from './HistorySection';
import { LanesSection } from './LanesSection';
import { LinksSection } from './LinksSection';
import { Notices } from './Notices';
import { PreviewPanel } from './PreviewPanel';
import { RulesSection } from './RulesSection';
import { SaveBar } from './SaveBar';
import { SectionNav, type Tab } from './SectionNav';
import { LoadingAdmin } from './States';

export interface ConfigEditorProps {
  projectKey: string | undefined;
  onScope: (projectKey: string | undefined) => void;
  catalogState: CatalogState;
  projects: SiteCatalog['projects'];
  locale: string | undefined;
  /** The account id of the person looking, to say "saved by you". */
  me?: string | undefined;
}

/**
 * One scope's configuration (the site's, or a project's): loads it, keeps the admin's edits beside the saved
 * copy, has the server check them as they are made, previews them, and saves, imports, restores or resets with
 * the revision it started from, so that two admins never overwrite each other silently.
 */
export function ConfigEditor({ projectKey, onScope, catalogState, projects, locale, me }: ConfigEditorProps) {
  const scopeRef = useMemo(() => (projectKey ? { projectKey } : {}), [projectKey]);
  const [doc, dispatch] = useReducer(documentReducer, INITIAL_DOCUMENT);
  const { view, draft } = doc;
  const [attempt, setAttempt] = useState(0);
  const [tab, setTab] = useState<Tab>('lanes');
  const [focusTarget, setFocusTarget] = useState<{ anchor: string } | null>(null);
  const [revisions, loadRevisions] = useRevisions(scopeRef);

  useEffect(() => {
    let current = true;
    dispatch({ type: 'load-started' });
    void call('getConfig', scopeRef).then((result) => {
      if (!current) return;
      dispatch(
        result.ok ? { type: 'saved-view', view: result.data } : { type: 'load-failed', error: result.error },
      );
    });
    return () => {
      current = false;
    };
  }, [scopeRef, attempt]);

  const onWritten = useCallback(
    (saved: SavedConfigView) => {
      dispatch({ type: 'saved-view', view: saved });
      loadRevisions();
    },
    [loadRevisions],
  );
  const onRefused = useCallback(
    (sent: Config, problems: ConfigProblemView[]) => dispatch({ type: 'checked', draft: sent, problems }),
    [],
  );
  const writes = useWrite({ onWritten, onRefused });
  const { busy, notice } = writes;

  const check = draftCheck(doc);
  // Only someone who may save needs the server's opinion of their edits.
  useLiveCheck(draft, view?.canEdit === true && check.status === 'pending', dispatch);
  const { problems } = check;
  const grouped = useMemo(() => groupByAnchor(problems), [problems]);
  const changes = useMemo(() => (view && draft ? diffConfigs(view.config, draft) : []), [view, draft]);

  // "Go to problem": once its section is on screen, focus the control (or, for a row, its list of problems).
  useEffect(() => {
    if (!focusTarget) return;
    const element =
      document.getElementById(controlId(focusTarget.anchor)) ??
      document.getElementById(problemListId(focusTarget.anchor));
    element?.focus();
    element?.scrollIntoView?.({ block: 'center' });
    setFocusTarget(null);
  }, [focusTarget]);

  const setDraft = useCallback((next: Config) => dispatch({ type: 'edited', edit: () => next }), []);

  if (!view || !draft) {
    if (doc.loadError) {
      return (
        <ResolverErrorView
          error={doc.loadError}
          what="the configuration"
          onRetry={() => setAttempt((value) => value + 1)}
        />
      );
    }
    return <LoadingAdmin />;
  }

  const followsSite = followsSiteOf(view);
  const editable = view.canEdit && (!followsSite || doc.overriding);
  const dirty = changes.length > 0 || (followsSite && doc.overriding);
  // Saved only once the server has checked this very draft (or could not, and will decide at save time).
  const canSave =
    editable &&
    dirty &&
    check.status !== 'pending' &&
    problems.length === 0 &&
    busy === null &&
    notice?.kind !== 'conflict';
  const catalog = catalogState.status === 'ready' ? catalogState.catalog : EMPTY_CATALOG;
  const base = { ...scopeRef, baseRevision: view.revision };

  const save = () => {
    if (!canSave) return;
    writes.write({
      busy: 'save',
      send: () => call('saveConfig', { ...base, config: draft }),
      success: (saved) => `Saved as revision ${saved.revision}.${reindexWords(saved)}`,
      sent: draft,
    });
  };

  const restore = (revision: number) =>
    writes.write({
      busy: { restore: revision },
      send: () => call('restoreRevision', { ...base, revision }),
      success: (saved) =>
        `Revision ${revision} restored as revision ${saved.revision}.${reindexWords(saved)}`,
    });

  const importText = (text: string) =>
    writes.write({
      busy: 'import',
      send: () => call('importConfig', { ...base, text }),
      success: (saved) => `Imported and saved as revision ${saved.revision}.${reindexWords(saved)}`,
    });

  const reset = () => {
    if (!projectKey) return;
    writes.write({
      busy: 'reset',
      send: () => call('resetProjectConfig', { projectKey, baseRevision: view.revision }),
      success: (saved) => `${projectKey} follows the site configuration again.${reindexWords(saved)}`,
    });
  };

  /**
   * After a conflict: reload their revision and apply the admin's own edits on top of it (a three-way merge from
   * the revision the admin started from). Where both changed the same thing, the admin's version is kept and
   * listed, with a way to take theirs.
   */
  const reloadKeepingMine = () => {
    const started = view.config;
    writes.read(
      'reload',
      () => call('getConfig', scopeRef),
      'Could not reload the saved configuration',
      (theirView) => {
        const theirs = theirView.config;
        const { merged, conflicts } = mergeThreeWay<Config>(started, draft, theirs);
        dispatch({ type: 'reloaded', view: theirView, merged });
        const overridden = (path: string) =>
          conflicts.some(
            (each) =>
              path === each.path || path.startsWith(`${each.path}.`) || path.startsWith(`${each.path}[`),
          );
        const theirChanges = diffConfigs(started, theirs).filter((change) => !overridden(change.path));
        writes.setNotice({ kind: 'reloaded', revision: theirView.revision, theirChanges, conflicts });
        loadRevisions();
      },
    );
  };

  const goToProblem = (problem: ConfigProblemView) => {
    const section = sectionOf(problem.path);
    if (section) setTab(section);
    setFocusTarget({ anchor: anchorOf(problem.path) });
  };

  const problemCount = (id: Tab) =>
    id === 'history' || id === 'board' || id === 'connections'
      ? 0
      : problems.filter((problem) => sectionOf(problem.path) === id).length;
  const rootProblems = grouped.get('(root)') ?? [];

  return (
    <CatalogContext.Provider value={catalog}>
      <ProblemsContext.Provider value={grouped}>
        <Header
          view={view}
          projectKey={projectKey}
          projects={projects}
          onScope={onScope}
          scopeLocked={dirty || busy !== null}
          locale={locale}
          me={me}
          draft={draft}
          dirty={dirty}
          canImport={view.canEdit && busy === null}
          importing={busy === 'import'}
          onImport={importText}
          onReset={reset}
          resetting={busy === 'reset'}
        />
        <Banners
          view={view}
          projectKey={projectKey}
          followsSite={followsSite}
          overriding={doc.overriding}
          onOverride={() => dispatch({ type: 'override-started' })}
          catalogError={catalogState.status === 'error' ? catalogState.error : null}
        />
        <SaveBar
          dirty={dirty}
          changeCount={changes.length}
          followsSite={followsSite}
          check={check}
          canSave={canSave}
          canDiscard={dirty && busy === null}
          saving={busy === 'save'}
          onGoToProblem={goToProblem}
          onDiscard={() => {
            dispatch({ type: 'discarded' });
            writes.setNotice(null);
          }}
          onSave={save}
        />
        <Notices
          flag={writes.flag}
          notice={notice}
          busy={busy}
          onDismissFlag={writes.dismissFlag}
          onReload={reloadKeepingMine}
          onKeepMine={() => writes.setNotice(null)}
          onUseTheirs={() => {
            dispatch({ type: 'kept-theirs' });
            writes.setNotice(null);
          }}
          onTakeTheirs={(conflict) => {
            dispatch({ type: 'took-theirs', conflict });
            writes.setNotice((current) =>
              current?.kind === 'reloaded'
                ? { ...current, conflicts: current.conflicts.filter((each) => each !== conflict) }
                : current,
            );
          }}
          onDismiss={() => writes.setNotice(null)}
        />
        {rootProblems.length > 0 && (
          <div className="mla-root-problems">
            <AnchorProblems anchor="(root)" />
          </div>
        )}
        {/* Connections are saved apart from the configuration: no preview or changes beside them. */}
        <div className={tab === 'connections' ? 'mla-layout mla-layout--no-aside' : 'mla-layout'}>
          <SectionNav tab={tab} onTab={setTab} count={problemCount} draft={draft} revisions={revisions} />
          <div
            className={editable ? 'mla-content' : 'mla-content mla-readonly'}
            role="tabpanel"
            id={`mla-panel-${tab}`}
            aria-labelledby={`mla-tab-${tab}`}
          >
            <EditableContext.Provider value={editable && busy === null}>
              {tab === 'lanes' && <LanesSection config={draft} onChange={setDraft} />}
              {tab === 'rules' && <RulesSection config={draft} onChange={setDraft} />}
              {tab === 'links' && <LinksSection config={draft} onChange={setDraft} />}
              {tab === 'dod' && <DodSection config={draft} onChange={setDraft} />}
              {tab === 'capacity' && <CapacitySection config={draft} onChange={setDraft} />}
            </EditableContext.Provider>
            {tab === 'history' && (
              <HistorySection
                revisions={revisions}
                current={view.revision}
                canEdit={view.canEdit && busy === null}
                dirty={dirty}
                restoring={busy !== null && typeof busy === 'object' ? busy.restore : null}
                locale={locale}
                me={me}
                onRestore={restore}
                onRetry={loadRevisions}
              />
            )}
            {tab === 'board' && <BoardSetupSection projectKey={projectKey} locale={locale} />}
            {tab === 'connections' && <ConnectionsSection locale={locale} me={me} />}
          </div>
          {tab !== 'connections' && (
            <aside className="mla-aside" aria-label="Preview and changes">
              {/* Previewing an unsaved configuration is for admins, as the server insists too. */}
              {view.canEdit && (
                <PreviewPanel
                  draft={draft}
                  saved={view.config}
                  projectKey={projectKey}
                  problemCount={problems.length}
                  checking={check.status === 'pending'}
                />
              )}
              <ConfigDiff
                changes={changes}
                baseline={
                  view.source === 'saved'
                    ? `saved revision ${view.revision}`
                    : view.source === 'site'
                      ? 'the site configuration'
                      : 'the built-in defaults'
                }
              />
            </aside>
          )}
        </div>
      </ProblemsContext.Provider>
    </CatalogContext.Provider>
  );
}

/** What a configuration write set off in the board index (the app fields and JQL on the board), in words. */
function reindexWords(saved: SavedConfigView): string {
  if (!saved.reindex) return '';
  if ('queued' in saved.reindex) {
    const count = saved.reindex.queued;
    const rest = saved.reindex.complete
      ? ''
      : ' (Jira stopped listing early: the rest waits for the daily re-index)';
    return ` ${count} open-sprint issue${count === 1 ? '' : 's'} queued for the board index${rest}.`;
  }
  return ` The board index was not updated: ${saved.reindex.failed}`;
}
