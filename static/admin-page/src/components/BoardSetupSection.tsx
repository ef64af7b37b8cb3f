import { useEffect, useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import type { ResolverError } from '../../../../src/contract/envelope';
import type {
  BoardSetupField,
  BoardSetupQuery,
  BoardSetupView,
  IndexStatusView,
  JqlVerdict,
  ReindexResult,
} from '../../../../src/contract/board-setup-api';
import { ResolverErrorView } from '../../../shared/src/States';
import { openJiraSearch } from '../../../shared/src/forge';
import { defaultBoard } from '../../../shared/src/sprint-choice';
import { call } from '../api';
import { formatDateTime, plural } from '../format';
import { useBoards } from '../hooks/use-boards';
import { SectionHead } from './common';
import { CopyButton } from './CopyButton';

type SetupState =
  | { status: 'loading' }
  | { status: 'error'; error: ResolverError }
  | { status: 'ready'; view: BoardSetupView };

type ReindexState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; result: ReindexResult }
  | { status: 'error'; error: ResolverError };

export interface BoardSetupSectionProps {
  projectKey: string | undefined;
  locale: string | undefined;
}

/**
 * What to paste into a board's settings so the board shows ML lanes (swimlanes, quick filters, card colours, card
 * layout), each query checked by Jira for this site, and the board index that feeds them. Copy only: Jira's REST
 * API cannot change a board's swimlanes, quick filters or card colours, so ML Lanes never touches the board.
 */
export function BoardSetupSection({ projectKey, locale }: BoardSetupSectionProps) {
  const headingId = useId();
  const boards = useBoards(projectKey);
  const [boardId, setBoardId] = useState<number | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<SetupState>({ status: 'loading' });
  const [reindex, setReindex] = useState<ReindexState>({ status: 'idle' });
  const boardList = boards.status === 'ready' ? boards.boards : [];
  const board = boardList.find((each) => each.id === boardId) ?? defaultBoard(boardList);
  const chosen = board?.id;

  useEffect(() => {
    if (chosen === undefined) return undefined;
    let current = true;
    setState({ status: 'loading' });
    void call('getBoardSetup', { boardId: chosen }).then((result) => {
      if (current)
        setState(
          result.ok ? { status: 'ready', view: result.data } : { status: 'error', error: result.error },
        );
    });
    return () => {
      current = false;
    };
  }, [chosen, attempt]);

  const reindexNow = () => {
    setReindex({ status: 'running' });
    void call('reindexBoardIndex', {}).then((result) => {
      setReindex(
        result.ok ? { status: 'done', result: result.data } : { status: 'error', error: result.error },
      );
      if (result.ok)
        setState((previous) =>
          previous.status === 'ready'
            ? { status: 'ready', view: { ...previous.view, index: result.data.index } }
            : previous,
        );
    });
  };

  return (
    <section className="mla-section mla-board-setup" data-testid="section-board" aria-labelledby={headingId}>
      <SectionHead id={headingId} title="Board setup">
        Show lanes, blocked handoffs and Definition of Done on a board of your own. Jira does not let apps
        change a board’s swimlanes, quick filters or card colours, so ML Lanes never changes your board: copy
        each item into the board’s settings.
      </SectionHead>
      <label className="mla-field mla-board-pick">
        <span className="mla-label">Board</span>
        <select
          className="mla-input mla-select"
          data-testid="board-setup-board"
          value={board?.id ?? ''}
          disabled={boardList.length === 0}
          onChange={(event) => {
            setBoardId(Number(event.target.value));
            setReindex({ status: 'idle' });
          }}
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
      {boards.status === 'error' && (
        <p className="mla-hint">Boards could not be listed: {boards.error.message}</p>
      )}
      {boards.status === 'ready' && boardList.length === 0 && (
        <p className="mll-none">No boards{projectKey ? ` in ${projectKey}` : ''} that you can see.</p>
      )}
      {board && state.status === 'loading' && (
        <div className="mla-board-loading" role="status">
          <Spinner size="small" label="Loading the board setup" />
          <span>Checking {board.name}’s queries with Jira…</span>
        </div>
      )}
      {board && state.status === 'error' && (
        <ResolverErrorView
          error={state.error}
          what="the board setup"
          onRetry={() => setAttempt((value) => value + 1)}
        />
      )}
      {board && state.status === 'ready' && (
        <SetupView
          view={state.view}
          locale={locale}
          reindex={reindex}
          onReindex={reindexNow}
          onRefresh={() => setAttempt((value) => value + 1)}
        />
      )}
    </section>
  );
}

function SetupView({
  view,
  locale,
  reindex,
  onReindex,
  onRefresh,
}: {
  view: BoardSetupView;
  locale: string | undefined;
  reindex: ReindexState;
  onReindex: () => void;
  onRefresh: () => void;
}) {
  const invalid = [...view.swimlanes, ...view.quickFilters, ...view.cardColours].filter(
    (query) => query.verdict.status === 'invalid',
  ).length;
  return (
    <div className="mla-stack" data-testid="board-setup">
      <p className="mla-hint" data-testid="board-setup-summary">
        Lanes from {view.lanesFrom}.{' '}
        {view.jqlProblem
          ? view.jqlProblem
          : invalid === 0
            ? 'Jira accepts every query below on this site.'
            : `Jira refuses ${plural(invalid, 'query', 'queries')} below on this site: see why at each.`}
      </p>
      <QueryGroup
        title="Swimlanes by lane"
        testId="setup-swimlanes"
        where="Board settings → Swimlanes → Base swimlanes on: Queries. Add one swimlane per row, in this order."
        queries={view.swimlanes}
      />
      <QueryGroup
        title="Quick filters"
        testId="setup-quick-filters"
        where="Board settings → Quick filters. Add each with its name and query. To keep one as a saved filter (for a board, a dashboard gadget or a subscription), open it in Jira’s search and choose Save filter there."
        queries={view.quickFilters}
        searchable
      />
      <QueryGroup
        title="Card colours"
        testId="setup-card-colours"
        where="Board settings → Card colours → Colours based on: Queries. Add them in this order: the first query a card matches colours it."
        queries={view.cardColours}
      />
      <FieldGroup fields={view.cardFields} problems={view.fieldProblems} />
      <IndexGroup
        index={view.index}
        canReindex={view.canReindex}
        locale={locale}
        reindex={reindex}
        onReindex={onReindex}
        onRefresh={onRefresh}
      />
    </div>
  );
}

function QueryGroup({
  title,
  where,
  queries,
  testId,
  searchable = false,
}: {
  title: string;
  where: string;
  queries: (BoardSetupQuery & { colour?: string })[];
  testId: string;
  /** Offers "Open in Jira search", where the admin can save the query as a filter (never done for them). */
  searchable?: boolean;
}) {
  const headingId = useId();
  return (
    <div className="mla-setup-group" data-testid={testId} aria-labelledby={headingId} role="group">
      <h3 className="mla-setup-title" id={headingId}>
        {title}
      </h3>
      <p className="mla-setup-where">{where}</p>
      <ul className="mla-setup-list">
        {queries.map((query) => (
          <li key={query.id} className="mla-setup-item" data-testid="setup-query" data-query-id={query.id}>
            <div className="mla-setup-item-head">
              <span className="mla-setup-name">
                {query.colour && (
                  <span className="mla-card-colour" style={{ background: query.colour }} aria-hidden="true" />
                )}
                {query.name}
                {query.colour && <span className="mla-subtle"> · {query.colour}</span>}
              </span>
              <Verdict verdict={query.verdict} />
              {searchable && query.verdict.status !== 'invalid' && (
                <Button
                  appearance="subtle"
                  spacing="compact"
                  testId="open-in-search"
                  onClick={() => openJiraSearch(query.jql)}
                  aria-label={`Open ${query.name} in Jira’s issue search, to save it as a filter`}
                >
                  Open in Jira search
                </Button>
              )}
              <CopyButton text={query.jql} what={`the query for ${query.name}`} />
            </div>
            <code className="mla-setup-jql" data-testid="setup-jql">
              {query.jql}
            </code>
            {query.verdict.status === 'invalid' && (
              <ul
                className="mla-jql-errors"
                data-testid="jql-errors"
                aria-label={`Jira’s errors for ${query.name}`}
              >
                {query.verdict.errors.map((error) => (
                  <li key={error}>{error}</li>
                ))}
              </ul>
            )}
            {query.verdict.status !== 'unchecked' && query.verdict.warnings.length > 0 && (
              <p className="mla-hint">Jira warns: {query.verdict.warnings.join(' ')}</p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Verdict({ verdict }: { verdict: JqlVerdict }) {
  switch (verdict.status) {
    case 'valid':
      return (
        <span data-testid="jql-verdict" data-verdict="valid">
          <Lozenge appearance="success">Valid on this site</Lozenge>
        </span>
      );
    case 'invalid':
      return (
        <span data-testid="jql-verdict" data-verdict="invalid">
          <Lozenge appearance="removed">Jira refuses it</Lozenge>
        </span>
      );
    case 'unchecked':
      return (
        <span data-testid="jql-verdict" data-verdict="unchecked">
          <Lozenge>Not checked</Lozenge>
        </span>
      );
  }
}

const FIELD_STATE: Record<BoardSetupField['state'], string> = {
  present: 'On this site',
  missing: 'Not on this site',
  ambiguous: 'Found more than once',
  unknown: 'Could not be checked',
};

function FieldGroup({ fields, problems }: { fields: BoardSetupField[]; problems: string[] }) {
  const headingId = useId();
  const missing = fields.some((field) => field.state === 'missing');
  return (
    <div className="mla-setup-group" data-testid="setup-card-fields" aria-labelledby={headingId} role="group">
      <h3 className="mla-setup-title" id={headingId}>
        Card layout
      </h3>
      <p className="mla-setup-where">
        Board settings → Card layout (company-managed boards only; up to three fields per card). Add these
        fields.
      </p>
      <ul className="mla-setup-list">
        {fields.map((field) => (
          <li
            key={field.role}
            className="mla-setup-item"
            data-testid="setup-field"
            data-field-state={field.state}
          >
            <div className="mla-setup-item-head">
              <span className="mla-setup-name">{field.name}</span>
              <Lozenge appearance={field.state === 'present' ? 'success' : 'moved'}>
                {FIELD_STATE[field.state]}
              </Lozenge>
              <CopyButton text={field.name} what={`the field name ${field.name}`} />
            </div>
          </li>
        ))}
      </ul>
      {problems.length > 0 && (
        <SectionMessage
          appearance="warning"
          title="Some of ML Lanes’s fields are missing"
          testId="field-problems"
        >
          <ul className="mla-jql-errors">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          {missing && <p>Deploy ML Lanes to this site (forge deploy, then forge install) to create them.</p>}
        </SectionMessage>
      )}
      <p className="mla-hint">
        The fields show on issues once a Jira admin adds them to the project’s screens (Jira settings → Issues
        → Screens); apps cannot add them.
      </p>
    </div>
  );
}

function IndexGroup({
  index,
  canReindex,
  locale,
  reindex,
  onReindex,
  onRefresh,
}: {
  index: IndexStatusView | null;
  canReindex: boolean;
  locale: string | undefined;
  reindex: ReindexState;
  onReindex: () => void;
  onRefresh: () => void;
}) {
  const headingId = useId();
  const when = (iso: string | null) => (iso ? (formatDateTime(iso, locale) ?? iso) : 'never');
  return (
    <div className="mla-setup-group" data-testid="setup-index" aria-labelledby={headingId} role="group">
      <h3 className="mla-setup-title" id={headingId}>
        Board index
      </h3>
      <p className="mla-setup-where">
        ML Lanes writes each open-sprint issue’s lane, handoff and Definition of Done as Jira’s events arrive,
        and checks every issue once a day. Queries see a change once Jira has indexed it.
      </p>
      {index === null ? (
        <p className="mll-none">This host keeps no board index.</p>
      ) : (
        <dl className="mla-index-status" data-testid="index-status">
          <dt>Last full re-index</dt>
          <dd>{when(index.lastFullReindexAt)}</dd>
          <dt>Issues indexed</dt>
          <dd>{index.issuesIndexed.toLocaleString(locale)}</dd>
          <dt>Events processed</dt>
          <dd>{index.eventsProcessed.toLocaleString(locale)}</dd>
          <dt>Last run</dt>
          <dd>{when(index.lastRunAt)}</dd>
          <dt>Last errors</dt>
          <dd>
            {index.lastErrors.length === 0 ? (
              'none'
            ) : (
              <ul className="mla-jql-errors" data-testid="index-errors">
                {index.lastErrors.map((error, at) => (
                  <li key={at}>{error}</li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      )}
      <div className="mla-preview-run">
        <Button
          appearance="primary"
          isDisabled={!canReindex || index === null || reindex.status === 'running'}
          isLoading={reindex.status === 'running'}
          onClick={onReindex}
          testId="reindex-button"
        >
          Re-index now
        </Button>
        <Button onClick={onRefresh} testId="refresh-setup">
          Check again
        </Button>
        {!canReindex && index !== null && (
          <span className="mla-hint">Only Jira administrators can re-index.</span>
        )}
      </div>
      <div role="status" aria-live="polite">
        {reindex.status === 'done' && (
          <p className="mla-setup-done" data-testid="reindex-result">
            {plural(reindex.result.issuesQueued, 'issue')} in open sprints queued for re-indexing
            {reindex.result.complete
              ? ''
              : ' (Jira stopped the search early: the daily check takes the rest)'}
            . The counts above grow as the queue works through them: press Check again.
          </p>
        )}
      </div>
      {reindex.status === 'error' && (
        <SectionMessage appearance="error" title="Nothing was re-indexed" testId="reindex-error">
          <p>{reindex.error.message}</p>
        </SectionMessage>
      )}
    </div>
  );
}
