import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import CheckCircleIcon from '@atlaskit/icon/core/check-circle';
import CrossIcon from '@atlaskit/icon/core/cross';
import ErrorIcon from '@atlaskit/icon/core/status-error';
import { IconButton } from '@atlaskit/button/new';
import type { ResolverError, ResolverResult } from '../../../../src/contract/envelope';
import type { ConfigProblemView, SavedConfigView, SiteCatalog } from '../../../../src/contract/admin-api';
import { ResolverErrorView } from '../../../shared/src/States';
import { call } from '../api';
import type { CatalogState } from '../App';
import { diffConfigs, type Change } from '../model/diff';
import { mergeThreeWay, setIn, type MergeConflict } from '../model/merge';
import type { Config } from '../model/edit';
import {
  anchorOf,
  controlId,
  groupByAnchor,
  problemListId,
  SECTIONS,
  sectionOf,
  type SectionId,
} from '../model/problems';
import { validateConfig } from '../model/validate';
import { plural } from '../format';
import { CatalogContext, EMPTY_CATALOG } from './common';
import { ChangeList, ConfigDiff } from './ConfigDiff';
import { AnchorProblems, EditableContext, ProblemsContext } from './controls';
import { CapacitySection } from './CapacitySection';
import { DodSection } from './DodSection';
import { Banners, Header } from './Header';
import { HistorySection, type RevisionsState } from './HistorySection';
import { LanesSection } from './LanesSection';
import { LinksSection } from './LinksSection';
import { PreviewPanel } from './PreviewPanel';
import { RulesSection } from './RulesSection';
import { LoadingAdmin } from './States';

type Tab = SectionId | 'history';

const TABS: { id: Tab; label: string }[] = [...SECTIONS, { id: 'history', label: 'History' }];

type LoadState = { status: 'loading' } | { status: 'error'; error: ResolverError } | { status: 'ready' };

/** What the page has to tell the admin after a save, import, restore or reset that did not go through. */
type Notice =
  | { kind: 'conflict'; currentRevision: number; message: string }
  | { kind: 'reloaded'; revision: number; theirChanges: Change[]; conflicts: MergeConflict[] }
  | { kind: 'error'; title: string; error: ResolverError }
  | { kind: 'import-problems'; message: string; problems: ConfigProblemView[] };

type Busy = null | 'save' | 'import' | 'reset' | 'reload' | { restore: number };

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
 * copy, validates them live, previews them, and saves, imports, restores or resets with the revision it started
 * from, so that two admins never overwrite each other silently.
 */
export function ConfigEditor({ projectKey, onScope, catalogState, projects, locale, me }: ConfigEditorProps) {
  const scopeRef = useMemo(() => (projectKey ? { projectKey } : {}), [projectKey]);
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [view, setView] = useState<SavedConfigView | null>(null);
  const [draft, setDraft] = useState<Config | null>(null);
  const [overriding, setOverriding] = useState(false);
  const [tab, setTab] = useState<Tab>('lanes');
  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [flag, setFlag] = useState<string | null>(null);
  const [serverProblems, setServerProblems] = useState<{
    draft: Config;
    problems: ConfigProblemView[];
  } | null>(null);
  const [revisions, setRevisions] = useState<RevisionsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [focusTarget, setFocusTarget] = useState<{ anchor: string } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let current = true;
    setLoad({ status: 'loading' });
    void call('getConfig', scopeRef).then((result) => {
      if (!current) return;
      if (result.ok) {
        setView(result.data);
        setDraft(result.data.config);
        setLoad({ status: 'ready' });
      } else {
        setLoad({ status: 'error', error: result.error });
      }
    });
    return () => {
      current = false;
    };
  }, [scopeRef, attempt]);

  const loadRevisions = useCallback(() => {
    setRevisions({ status: 'loading' });
    void call('listRevisions', scopeRef).then((result) =>
      setRevisions(
        result.ok
          ? { status: 'ready', revisions: result.data.slice(0, 20) }
          : { status: 'error', error: result.error },
      ),
    );
  }, [scopeRef]);
  useEffect(loadRevisions, [loadRevisions]);

  useEffect(() => {
    if (flag === null) return undefined;
    const timer = setTimeout(() => setFlag(null), 8000);
    return () => clearTimeout(timer);
  }, [flag]);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const localProblems = useMemo(() => (draft ? validateConfig(draft) : []), [draft]);
  const problems = useMemo(() => {
    const fromServer = serverProblems && serverProblems.draft === draft ? serverProblems.problems : [];
    const seen = new Set(localProblems.map((problem) => `${problem.path}\n${problem.message}`));
    return [
      ...localProblems,
      ...fromServer.filter((problem) => !seen.has(`${problem.path}\n${problem.message}`)),
    ];
  }, [localProblems, serverProblems, draft]);
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

  if (load.status === 'loading' || !view || !draft) {
    if (load.status === 'error') {
      return (
        <ResolverErrorView
          error={load.error}
          what="the configuration"
          onRetry={() => setAttempt((value) => value + 1)}
        />
      );
    }
    return <LoadingAdmin />;
  }

  const followsSite = projectKey !== undefined && view.source !== 'saved';
  const editable = view.canEdit && (!followsSite || overriding);
  const dirty = changes.length > 0 || (followsSite && overriding);
  const canSave = editable && dirty && problems.length === 0 && busy === null && notice?.kind !== 'conflict';
  const catalog = catalogState.status === 'ready' ? catalogState.catalog : EMPTY_CATALOG;

  /** Applies what a write returned, or says why it did not happen. */
  const finishWrite = (result: ResolverResult<SavedConfigView>, success: string, sent: Config | null) => {
    setBusy(null);
    if (result.ok) {
      setView(result.data);
      setDraft(result.data.config);
      setOverriding(false);
      setNotice(null);
      setServerProblems(null);
      setFlag(success);
      loadRevisions();
      return;
    }
    const { error } = result;
    setFlag(null);
    switch (error.code) {
      case 'conflict':
        setNotice({
          kind: 'conflict',
          currentRevision: error.currentRevision,
          message: error.message,
        });
        return;
      case 'invalid-config':
        if (sent) {
          setServerProblems({ draft: sent, problems: error.problems });
          setNotice({ kind: 'error', title: 'Nothing was saved: the configuration has problems', error });
        } else {
          setNotice({ kind: 'import-problems', message: error.message, problems: error.problems });
        }
        return;
      case 'forbidden':
        setNotice({ kind: 'error', title: 'Only Jira administrators can change this configuration', error });
        return;
      default:
        setNotice({ kind: 'error', title: 'Nothing was saved', error });
    }
  };

  const save = () => {
    if (!canSave) return;
    setBusy('save');
    setNotice(null);
    const sent = draft;
    void call('saveConfig', { ...scopeRef, config: sent, baseRevision: view.revision }).then((result) =>
      finishWrite(
        result,
        `Saved as revision ${result.ok ? result.data.revision : ''}.`.replace(' .', '.'),
        sent,
      ),
    );
  };

  const restore = (revision: number) => {
    setBusy({ restore: revision });
    setNotice(null);
    void call('restoreRevision', { ...scopeRef, revision, baseRevision: view.revision }).then((result) =>
      finishWrite(
        result,
        `Revision ${revision} restored${result.ok ? ` as revision ${result.data.revision}` : ''}.`,
        null,
      ),
    );
  };

  const importText = (text: string) => {
    setBusy('import');
    setNotice(null);
    void call('importConfig', { ...scopeRef, text, baseRevision: view.revision }).then((result) =>
      finishWrite(
        result,
        `Imported and saved${result.ok ? ` as revision ${result.data.revision}` : ''}.`,
        null,
      ),
    );
  };

  const reset = () => {
    if (!projectKey) return;
    setBusy('reset');
    setNotice(null);
    void call('resetProjectConfig', { projectKey, baseRevision: view.revision }).then((result) =>
      finishWrite(result, `${projectKey} follows the site configuration again.`, null),
    );
  };

  /**
   * After a conflict: reload their revision and apply the admin's own edits on top of it (a three-way merge from
   * the revision the admin started from). Where both changed the same thing, the admin's version is kept and
   * listed, with a way to take theirs.
   */
  const reloadKeepingMine = () => {
    setBusy('reload');
    const base = view.config;
    const mine = draft;
    void call('getConfig', scopeRef).then((result) => {
      setBusy(null);
      if (!result.ok) {
        setNotice({ kind: 'error', title: 'Could not reload the saved configuration', error: result.error });
        return;
      }
      const theirs = result.data.config;
      const { merged, conflicts } = mergeThreeWay<Config>(base, mine, theirs);
      setView(result.data);
      setDraft(merged);
      if (projectKey && result.data.source !== 'saved') setOverriding(true);
      const overridden = (path: string) =>
        conflicts.some(
          (each) =>
            path === each.path || path.startsWith(`${each.path}.`) || path.startsWith(`${each.path}[`),
        );
      const theirChanges = diffConfigs(base, theirs).filter((change) => !overridden(change.path));
      setNotice({ kind: 'reloaded', revision: result.data.revision, theirChanges, conflicts });
      loadRevisions();
    });
  };

  const discard = () => {
    setDraft(view.config);
    setOverriding(false);
    setServerProblems(null);
    setNotice(null);
  };

  const goToProblem = (problem: ConfigProblemView) => {
    const section = sectionOf(problem.path);
    if (section) setTab(section);
    setFocusTarget({ anchor: anchorOf(problem.path) });
  };

  const problemCount = (id: Tab) =>
    id === 'history' ? 0 : problems.filter((problem) => sectionOf(problem.path) === id).length;
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
          overriding={overriding}
          onOverride={() => setOverriding(true)}
          catalogError={catalogState.status === 'error' ? catalogState.error : null}
        />
        <div className="mla-savebar" data-testid="save-bar">
          <p className="mla-savebar-status" role="status">
            {dirty ? (
              <strong>
                {followsSite && changes.length === 0
                  ? 'New override, not saved yet'
                  : `${plural(changes.length, 'unsaved change')}`}
              </strong>
            ) : (
              <span className="mla-subtle">No unsaved changes</span>
            )}
            {problems.length > 0 && (
              <button
                type="button"
                className="mla-problem-link"
                onClick={() => goToProblem(problems[0]!)}
                data-testid="problem-count"
              >
                <ErrorIcon label="" size="small" color="currentColor" />
                {plural(problems.length, 'problem')} to fix before saving
              </button>
            )}
          </p>
          <div className="mla-savebar-actions">
            <Button
              appearance="subtle"
              onClick={discard}
              isDisabled={!dirty || busy !== null}
              testId="discard-button"
            >
              Discard changes
            </Button>
            <Button
              appearance="primary"
              onClick={save}
              isDisabled={!canSave}
              isLoading={busy === 'save'}
              testId="save-button"
            >
              {followsSite ? 'Save override' : 'Save'}
            </Button>
          </div>
        </div>
        {(notice || flag) && (
          <div className="mla-notices" ref={noticeRef} tabIndex={-1}>
            {flag && (
              <div className="mla-flag" role="status" data-testid="saved-flag">
                <CheckCircleIcon label="Success:" color="currentColor" />
                <span className="mla-flag-text">{flag}</span>
                <IconButton
                  icon={CrossIcon}
                  label="Dismiss"
                  appearance="subtle"
                  spacing="compact"
                  onClick={() => setFlag(null)}
                />
              </div>
            )}
            {notice && (
              <NoticeView
                notice={notice}
                busy={busy}
                onReload={reloadKeepingMine}
                onKeepMine={() => setNotice(null)}
                onUseTheirs={() => {
                  setDraft(view.config);
                  setNotice(null);
                }}
                onTakeTheirs={(conflict) => {
                  setDraft((current) =>
                    current ? setIn(current, conflict.parts, conflict.theirs) : current,
                  );
                  setNotice((current) =>
                    current?.kind === 'reloaded'
                      ? { ...current, conflicts: current.conflicts.filter((each) => each !== conflict) }
                      : current,
                  );
                }}
                onDismiss={() => setNotice(null)}
              />
            )}
          </div>
        )}
        {rootProblems.length > 0 && (
          <div className="mla-root-problems">
            <AnchorProblems anchor="(root)" />
          </div>
        )}
        <div className="mla-layout">
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
          </div>
          <aside className="mla-aside" aria-label="Preview and changes">
            {/* Previewing an unsaved configuration is for admins, as the server insists too. */}
            {view.canEdit && (
              <PreviewPanel
                draft={draft}
                saved={view.config}
                projectKey={projectKey}
                problemCount={problems.length}
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
        </div>
      </ProblemsContext.Provider>
    </CatalogContext.Provider>
  );
}

function SectionNav({
  tab,
  onTab,
  count,
  draft,
  revisions,
}: {
  tab: Tab;
  onTab: (tab: Tab) => void;
  count: (tab: Tab) => number;
  draft: Config;
  revisions: RevisionsState;
}) {
  const sizes: Record<Tab, number | null> = {
    lanes: draft.lanes.length,
    rules: draft.rules.length,
    links: draft.dependencyLinkTypes.length,
    dod: Object.keys(draft.dod).length,
    capacity: Object.keys(draft.capacity).length,
    history: revisions.status === 'ready' ? revisions.revisions.length : null,
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = TABS.findIndex((each) => each.id === tab);
    const next =
      event.key === 'ArrowDown'
        ? TABS[(index + 1) % TABS.length]
        : event.key === 'ArrowUp'
          ? TABS[(index - 1 + TABS.length) % TABS.length]
          : event.key === 'Home'
            ? TABS[0]
            : event.key === 'End'
              ? TABS[TABS.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    onTab(next.id);
    document.getElementById(`mla-tab-${next.id}`)?.focus();
  };
  return (
    <nav className="mla-nav" aria-label="Configuration sections">
      <div role="tablist" aria-orientation="vertical" className="mla-tabs">
        {TABS.map((each) => {
          const problems = count(each.id);
          const size = sizes[each.id];
          return (
            <button
              key={each.id}
              type="button"
              role="tab"
              id={`mla-tab-${each.id}`}
              aria-selected={tab === each.id}
              aria-controls={`mla-panel-${each.id}`}
              tabIndex={tab === each.id ? 0 : -1}
              className="mla-tab"
              data-testid={`nav-${each.id}`}
              onClick={() => onTab(each.id)}
              onKeyDown={onKeyDown}
            >
              <span className="mla-tab-label">{each.label}</span>
              {problems > 0 ? (
                <span className="mla-tab-problems">
                  <ErrorIcon label="" size="small" color="currentColor" />
                  {problems}
                  <span className="mll-sr-only"> {problems === 1 ? 'problem' : 'problems'}</span>
                </span>
              ) : (
                size !== null && <span className="mla-tab-count">{size}</span>
              )}
            </button>
          );
        })}
      </div>
    </nav>
  );
}

function NoticeView({
  notice,
  busy,
  onReload,
  onKeepMine,
  onUseTheirs,
  onTakeTheirs,
  onDismiss,
}: {
  notice: Notice;
  busy: Busy;
  onReload: () => void;
  onKeepMine: () => void;
  onUseTheirs: () => void;
  onTakeTheirs: (conflict: MergeConflict) => void;
  onDismiss: () => void;
}) {
  switch (notice.kind) {
    case 'conflict':
      return (
        <div data-testid="conflict-banner" data-revision={notice.currentRevision}>
          <SectionMessage
            appearance="warning"
            title={`Someone else saved revision ${notice.currentRevision} while you were editing`}
          >
            <p>
              Nothing was saved. Reload their revision to put your changes on top of it and compare, then save
              again.
            </p>
            <div className="mla-message-actions">
              <Button
                appearance="primary"
                onClick={onReload}
                isLoading={busy === 'reload'}
                testId="conflict-reload"
              >
                Reload and keep my changes
              </Button>
              <Button appearance="subtle" onClick={onDismiss}>
                Not now
              </Button>
            </div>
          </SectionMessage>
        </div>
      );
    case 'reloaded':
      return (
        <div data-testid="conflict-banner" data-revision={notice.revision} data-state="reloaded">
          <SectionMessage
            appearance={notice.conflicts.length > 0 ? 'warning' : 'information'}
            title={`Revision ${notice.revision} reloaded, with your changes on top`}
          >
            <p>
              {notice.theirChanges.length === 0
                ? 'Their revision changed nothing you can see.'
                : `Their revision changed ${plural(notice.theirChanges.length, 'thing')}; those are in your editor now:`}
            </p>
            {notice.theirChanges.length > 0 && (
              <ChangeList changes={notice.theirChanges} testId="conflict-diff" empty="" />
            )}
            {notice.conflicts.length > 0 && (
              <>
                <p className="mla-conflict-lead">
                  You both changed {plural(notice.conflicts.length, 'place')}; yours is kept for now:
                </p>
                <ul className="mla-diff" data-testid="conflict-list">
                  {notice.conflicts.map((conflict) => (
                    <li
                      key={conflict.path}
                      className="mla-diff-item mla-diff--changed"
                      data-path={conflict.path}
                    >
                      <span className="mla-diff-kind">Both</span>
                      <code className="mla-diff-path">{conflict.path}</code>
                      <span className="mla-diff-values">
                        Theirs <ins className="mla-diff-after">{shortJson(conflict.theirs)}</ins>, yours{' '}
                        <ins className="mla-diff-after">{shortJson(conflict.mine)}</ins>{' '}
                        <Button spacing="compact" appearance="subtle" onClick={() => onTakeTheirs(conflict)}>
                          Use theirs
                        </Button>
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <div className="mla-message-actions">
              <Button appearance="primary" onClick={onKeepMine} testId="conflict-keep-mine">
                Keep my changes
              </Button>
              <Button onClick={onUseTheirs} testId="conflict-use-theirs">
                Discard mine, keep theirs
              </Button>
            </div>
          </SectionMessage>
        </div>
      );
    case 'import-problems':
      return (
        <div data-testid="import-problems">
          <SectionMessage appearance="error" title="Nothing was imported: the file has problems">
            <p>{notice.message}</p>
            {notice.problems.length > 0 && (
              <ul className="mla-import-problems">
                {notice.problems.map((problem, index) => (
                  <li key={index} data-testid="import-problem" data-path={problem.path}>
                    <code>{problem.path}</code>: {problem.message}
                  </li>
                ))}
              </ul>
            )}
            <div className="mla-message-actions">
              <Button appearance="subtle" onClick={onDismiss}>
                Dismiss
              </Button>
            </div>
          </SectionMessage>
        </div>
      );
    default:
      return (
        <div data-testid="write-error" data-code={notice.error.code}>
          <SectionMessage appearance="error" title={notice.title}>
            <p>{notice.error.message}</p>
            <div className="mla-message-actions">
              <Button appearance="subtle" onClick={onDismiss}>
                Dismiss
              </Button>
            </div>
          </SectionMessage>
        </div>
      );
  }
}

function shortJson(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
