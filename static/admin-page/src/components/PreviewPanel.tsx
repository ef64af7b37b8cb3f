import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import ArrowRightIcon from '@atlaskit/icon/core/arrow-right';
import type { ResolverError } from '../../../../src/contract/envelope';
import type { ConfigPreview, PreviewRow } from '../../../../src/contract/admin-api';
import { defaultBoard, defaultSprint } from '../../../shared/src/sprint-choice';
import { KeyLink } from '../../../shared/src/KeyLink';
import { call } from '../api';
import { useBoards } from '../hooks/use-boards';
import type { Config } from '../model/edit';
import { plural } from '../format';

type PreviewState =
  | { status: 'idle' }
  | { status: 'loading'; previous: { preview: ConfigPreview; configKey: string } | null }
  | { status: 'error'; error: ResolverError }
  | { status: 'ready'; preview: ConfigPreview; configKey: string };

const ROW_LIMIT = 200;

const SPRINT_GROUPS = [
  { state: 'active', label: 'Active' },
  { state: 'future', label: 'Future' },
  { state: 'closed', label: 'Closed' },
] as const;
const AUTO_RERUN_MS = 1200;

export interface PreviewPanelProps {
  draft: Config;
  saved: Config;
  projectKey: string | undefined;
  /** Problems in the edited document: previewing waits until there are none. */
  problemCount: number;
  /** The server is still checking the edited document: previewing waits for its answer. */
  checking: boolean;
}

/**
 * Lanes now vs with the edited configuration, for a sprint or a JQL query: how many issues move, and which.
 * After a first run it follows the edits by itself (once the admin pauses typing and the document is valid).
 */
export function PreviewPanel({ draft, saved, projectKey, problemCount, checking }: PreviewPanelProps) {
  const headingId = useId();
  const jqlHint = useId();
  const boards = useBoards(projectKey);
  const [choice, setChoice] = useState<{ boardId: number | null; sprintId: number | null }>({
    boardId: null,
    sprintId: null,
  });
  const [jql, setJql] = useState('');
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  const [onlyMoved, setOnlyMoved] = useState(false);
  /** The document the last run previewed (null before the first run): edits since then re-run it. */
  const lastRun = useRef<string | null>(null);
  const runId = useRef(0);

  const boardList = boards.status === 'ready' ? boards.boards : [];
  const board = boardList.find((each) => each.id === choice.boardId) ?? defaultBoard(boardList);
  const sprint = board
    ? (board.sprints.find((each) => each.id === choice.sprintId) ?? defaultSprint(board))
    : undefined;
  const configKey = useMemo(() => JSON.stringify(draft), [draft]);
  // A JQL query, when typed, is previewed instead of the board and sprint.
  const query = jql.trim();
  const useJql = query !== '';
  const boardId = board?.id;
  const sprintId = sprint?.id;
  const target = useMemo(
    () =>
      query !== ''
        ? { jql: query }
        : boardId !== undefined
          ? { boardId, ...(sprintId !== undefined ? { sprintId } : {}) }
          : null,
    [query, boardId, sprintId],
  );
  const valid = problemCount === 0;
  const ready = target !== null && valid && !checking;

  const run = useCallback(() => {
    if (!ready) return;
    lastRun.current = configKey;
    const id = ++runId.current;
    const key = configKey;
    setState((previous) => ({
      status: 'loading',
      previous:
        previous.status === 'ready'
          ? { preview: previous.preview, configKey: previous.configKey }
          : previous.status === 'loading'
            ? previous.previous
            : null,
    }));
    void call('previewConfig', {
      config: JSON.parse(key) as unknown,
      ...target,
      ...(projectKey ? { projectKey } : {}),
    }).then((result) => {
      if (id !== runId.current) return;
      setState(
        result.ok
          ? { status: 'ready', preview: result.data, configKey: key }
          : { status: 'error', error: result.error },
      );
    });
  }, [ready, configKey, target, projectKey]);

  // Live: after a first run, follow the edits once the admin pauses (and the server has found them valid).
  useEffect(() => {
    if (lastRun.current === null || lastRun.current === configKey || !ready) return undefined;
    const timer = setTimeout(run, AUTO_RERUN_MS);
    return () => clearTimeout(timer);
  }, [configKey, ready, run]);

  const shown =
    state.status === 'ready'
      ? { preview: state.preview, configKey: state.configKey }
      : state.status === 'loading'
        ? state.previous
        : null;
  const stale = shown !== null && shown.configKey !== configKey;

  return (
    <section className="mla-panel mla-preview" aria-labelledby={headingId} data-testid="preview-panel">
      <h2 className="mla-panel-title" id={headingId}>
        Preview
      </h2>
      <p className="mla-section-note">Which issues change lane with your edits, before you save.</p>
      {/* One picker per row, each as wide as the panel: sprint names are long ("CV Sprint 14 — classifier v1.1"). */}
      <label className="mla-field">
        <span className="mla-label">Board</span>
        <select
          className="mla-input mla-select"
          data-testid="preview-board"
          value={board?.id ?? ''}
          title={board?.name}
          disabled={boardList.length === 0 || useJql}
          onChange={(event) => setChoice({ boardId: Number(event.target.value), sprintId: null })}
        >
          {boardList.length === 0 && (
            <option value="">{boards.status === 'loading' ? 'Loading boards…' : 'No boards'}</option>
          )}
          {boardList.map((each) => (
            <option key={each.id} value={each.id}>
              {each.name}
            </option>
          ))}
        </select>
      </label>
      <label className="mla-field">
        <span className="mla-label">Sprint</span>
        <select
          className="mla-input mla-select"
          data-testid="preview-sprint"
          value={sprint?.id ?? ''}
          title={sprint?.name}
          disabled={!board || board.sprints.length === 0 || useJql}
          onChange={(event) =>
            setChoice((previous) => ({ ...previous, sprintId: Number(event.target.value) }))
          }
        >
          {(!board || board.sprints.length === 0) && <option value="">The board’s issues</option>}
          {SPRINT_GROUPS.map((group) => {
            const sprints = board?.sprints.filter((each) => each.state === group.state) ?? [];
            if (sprints.length === 0) return null;
            return (
              <optgroup key={group.state} label={group.label}>
                {sprints.map((each) => (
                  <option key={each.id} value={each.id}>
                    {each.name}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      </label>
      {boards.status === 'error' && (
        <p className="mla-hint">Boards could not be listed: {boards.error.message}</p>
      )}
      <label className="mla-field">
        <span className="mla-label">Or a JQL query</span>
        <textarea
          className="mla-input mla-input--mono mla-jql"
          data-testid="preview-jql"
          rows={2}
          value={jql}
          placeholder="project = CV AND sprint in openSprints()"
          spellCheck={false}
          onChange={(event) => setJql(event.target.value)}
          aria-describedby={jqlHint}
        />
        <span className="mla-hint" id={jqlHint}>
          {useJql
            ? 'The query is previewed instead of the board and sprint.'
            : 'Leave empty to preview the sprint.'}
        </span>
      </label>
      <div className="mla-preview-run">
        <Button
          appearance="primary"
          onClick={run}
          isDisabled={!ready}
          isLoading={state.status === 'loading'}
          testId="preview-run"
        >
          {shown ? 'Run preview again' : 'Run preview'}
        </Button>
        {!valid && <span className="mla-hint">Fix {plural(problemCount, 'problem')} to preview.</span>}
        {valid && checking && <span className="mla-hint">Checking your edits…</span>}
        {valid && !checking && stale && state.status !== 'loading' && (
          <span className="mla-hint">Edited since this preview.</span>
        )}
        {state.status === 'loading' && shown && (
          <span className="mla-hint mll-icon-text">
            <Spinner size="small" label="Updating the preview" /> Updating…
          </span>
        )}
      </div>
      {state.status === 'error' && (
        <SectionMessage appearance="error" title={previewErrorTitle(state.error)}>
          <p>{state.error.message}</p>
        </SectionMessage>
      )}
      {shown && (
        <PreviewResult
          preview={shown.preview}
          draft={draft}
          saved={saved}
          onlyMoved={onlyMoved}
          onOnlyMoved={setOnlyMoved}
        />
      )}
    </section>
  );
}

function previewErrorTitle(error: ResolverError): string {
  switch (error.code) {
    case 'invalid-config':
      return 'The edited configuration has problems';
    case 'forbidden':
      return 'Jira did not let ML Lanes read these issues';
    case 'bad-request':
      return 'Jira could not run this query';
    case 'not-found':
    case 'no-sprints':
    case 'rate-limited':
    case 'jira-unavailable':
    case 'conflict':
    case 'internal':
      return 'The preview could not run';
  }
}

function laneNamer(config: Config): (id: string | null) => string {
  const names = new Map(config.lanes.map((lane) => [lane.id, lane.name || lane.id]));
  return (id) => (id ? (names.get(id) ?? id) : 'Unclassified');
}

function PreviewResult({
  preview,
  draft,
  saved,
  onlyMoved,
  onOnlyMoved,
}: {
  preview: ConfigPreview;
  draft: Config;
  saved: Config;
  onlyMoved: boolean;
  onOnlyMoved: (value: boolean) => void;
}) {
  const before = laneNamer(saved);
  const after = laneNamer(draft);
  const isMoved = (row: PreviewRow) => (row.laneBefore ?? '') !== (row.laneAfter ?? '');
  const sorted = [...preview.rows.filter(isMoved), ...preview.rows.filter((row) => !isMoved(row))];
  const rows = onlyMoved ? sorted.filter(isMoved) : sorted;
  const laneIds = [
    ...new Set([
      ...draft.lanes.map((lane) => lane.id),
      ...Object.keys(preview.countsBefore),
      ...Object.keys(preview.countsAfter),
    ]),
  ];
  const counts = laneIds
    .map((id) => ({ id, before: preview.countsBefore[id] ?? 0, after: preview.countsAfter[id] ?? 0 }))
    .filter((row) => row.before > 0 || row.after > 0);
  return (
    <div className="mla-preview-result" aria-live="polite">
      <p className="mla-scope-line">{preview.scopeDescription}</p>
      {preview.warnings.length > 0 && (
        <SectionMessage appearance="warning" title="Partial preview">
          <ul className="mla-warnings" data-testid="preview-warnings">
            {preview.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </SectionMessage>
      )}
      <p className="mla-moved" data-testid="preview-moved-count">
        <strong>{preview.moved.toLocaleString()}</strong> of {plural(preview.rows.length, 'issue')}{' '}
        {preview.moved === 1 ? 'changes lane' : 'change lane'}
      </p>
      {counts.length > 0 && (
        <table className="mla-table mla-counts">
          <caption className="mll-sr-only">Issues per lane, now and with your edits</caption>
          <thead>
            <tr>
              <th scope="col">Lane</th>
              <th scope="col">Now</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {counts.map((row) => (
              <tr key={row.id || '(none)'}>
                <th scope="row">{after(row.id || null)}</th>
                <td>{row.before}</td>
                <td>
                  {row.after}
                  {row.after !== row.before && (
                    <span className="mla-delta">
                      {' '}
                      ({row.after > row.before ? '+' : '−'}
                      {Math.abs(row.after - row.before)})
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.moved > 0 && (
        <label className="mll-check mla-only-moved">
          <input
            type="checkbox"
            checked={onlyMoved}
            onChange={(event) => onOnlyMoved(event.target.checked)}
          />
          Only issues that change lane
        </label>
      )}
      {rows.length === 0 ? (
        <p className="mll-none">{preview.rows.length === 0 ? 'No issues here.' : 'No issue changes lane.'}</p>
      ) : (
        <div className="mla-table-wrap">
          <table className="mla-table mla-preview-table">
            <caption className="mll-sr-only">
              Issues, their lane now and with your edits, and the deciding rule
            </caption>
            <thead>
              <tr>
                <th scope="col">Issue</th>
                <th scope="col">Lane now → after</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, ROW_LIMIT).map((row) => {
                const moved = isMoved(row);
                return (
                  <tr
                    key={row.key}
                    className={moved ? 'mla-row--moved' : undefined}
                    data-testid="preview-row"
                    data-key={row.key}
                    data-moved={moved ? 'true' : 'false'}
                  >
                    <td className="mla-issue-cell">
                      <KeyLink issueKey={row.key} />
                      <span className="mla-issue-summary" title={row.summary}>
                        {row.summary}
                      </span>
                    </td>
                    <td className="mla-lanes-cell">
                      {moved ? (
                        <span className="mla-lane-change">
                          <span className="mla-moves">Moves</span>
                          <span>{before(row.laneBefore)}</span>
                          <ArrowRightIcon label="to" size="small" color="currentColor" />
                          <strong>{after(row.laneAfter)}</strong>
                        </span>
                      ) : (
                        <span>
                          {after(row.laneAfter)} <span className="mla-subtlest">(stays)</span>
                        </span>
                      )}
                      <span className="mla-rule-text">
                        {moved && row.ruleBefore && row.ruleBefore !== row.ruleAfter
                          ? `Was: ${row.ruleBefore}. Now: ${row.ruleAfter}`
                          : `Rule: ${row.ruleAfter}`}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {rows.length > ROW_LIMIT && (
            <p className="mla-hint">
              Showing the first {ROW_LIMIT} of {rows.length.toLocaleString()} (issues that change lane first).
            </p>
          )}
        </div>
      )}
    </div>
  );
}
