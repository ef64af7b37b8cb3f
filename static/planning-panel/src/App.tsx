import { useForgeContext } from '../../shared/src/use-forge-context';
import { useMemo, useState } from 'react';
import type { BoardChoice, GetPlanPayload, PanelContext } from '../../../src/contract/resolver-api';
import { getModuleContext } from '../../shared/src/forge';
import { toIntlLocale } from '../../shared/src/format';
import { defaultBoard, defaultSprint } from '../../shared/src/sprint-choice';
import { ContextProblem, ResolverErrorView } from '../../shared/src/States';
import { mark, PLAN_RECEIVED_MARK, PlanScreen } from './components/PlanScreen';
import { BoardPickers } from './components/Pickers';
import { LoadingPlan } from './components/States';
import { useResolver } from './use-resolver';

type Context = PanelContext;

const getPanelContext = getModuleContext;

/** Titles the context problem: the panel cannot plan without knowing its sprint. */
const NO_SPRINT = 'ML Lanes cannot tell which sprint to plan';

/** Where the panel was opened decides what it plans. */
export type Placement =
  | { kind: 'plan'; payload: GetPlanPayload }
  | { kind: 'project'; projectKey: string | undefined }
  | { kind: 'unknown'; message: string };

/** Jira ids arrive as numbers or numeric strings depending on the module; the resolvers want numbers. */
function asId(value: number | string | undefined): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

export function placementOf(context: PanelContext): Placement {
  const { extension } = context;
  const boardId = asId(extension.board?.id);
  const sprintId = asId(extension.sprint?.id);
  switch (extension.type) {
    case 'jira:sprintAction':
      if (sprintId === undefined && boardId === undefined) {
        return { kind: 'unknown', message: 'Jira did not say which sprint this menu belongs to.' };
      }
      return { kind: 'plan', payload: withDefined({ boardId, sprintId }) };
    case 'jira:boardAction':
      if (boardId === undefined)
        return { kind: 'unknown', message: 'Jira did not say which board this menu belongs to.' };
      return { kind: 'plan', payload: { boardId } };
    case 'jira:projectPage':
      return { kind: 'project', projectKey: extension.project?.key };
    default:
      if (sprintId !== undefined || boardId !== undefined) {
        return { kind: 'plan', payload: withDefined({ boardId, sprintId }) };
      }
      return { kind: 'project', projectKey: extension.project?.key };
  }
}

function withDefined(payload: { boardId: number | undefined; sprintId: number | undefined }): GetPlanPayload {
  const result: GetPlanPayload = {};
  if (payload.boardId !== undefined) result.boardId = payload.boardId;
  if (payload.sprintId !== undefined) result.sprintId = payload.sprintId;
  return result;
}

export function App() {
  const [contextState, retryContext] = useForgeContext(getPanelContext);

  return (
    <main className="mll-root">
      {contextState.status === 'loading' ? (
        <LoadingPlan />
      ) : contextState.status === 'error' ? (
        <ContextProblem title={NO_SPRINT} message={contextState.message} onRetry={retryContext} />
      ) : (
        <Placed context={contextState.context} />
      )}
    </main>
  );
}

function Placed({ context }: { context: Context }) {
  const placement = useMemo(() => placementOf(context), [context]);
  const locale = toIntlLocale(context.locale);
  switch (placement.kind) {
    case 'plan':
      return <PlanLoader payload={placement.payload} locale={locale} />;
    case 'project':
      return <ProjectPlanner projectKey={placement.projectKey} locale={locale} />;
    case 'unknown':
      return <ContextProblem title={NO_SPRINT} message={placement.message} />;
  }
}

function onPlanReceived(): void {
  mark(PLAN_RECEIVED_MARK);
}

/** Loads one sprint's plan and shows it, or says why it cannot. */
export function PlanLoader({ payload, locale }: { payload: GetPlanPayload; locale: string | undefined }) {
  const { state, retry } = useResolver('getPlan', payload, onPlanReceived);
  switch (state.status) {
    case 'idle':
    case 'loading':
      return <LoadingPlan />;
    case 'error':
      return <ResolverErrorView error={state.error} what="the sprint plan" onRetry={retry} />;
    case 'ready':
      return <PlanScreen plan={state.data} locale={locale} onRefresh={retry} refreshing={state.refreshing} />;
  }
}

/** The project page: pick a board and a sprint (the board's active-else-next sprint by default), then plan it. */
function ProjectPlanner({
  projectKey,
  locale,
}: {
  projectKey: string | undefined;
  locale: string | undefined;
}) {
  const listPayload = useMemo(() => (projectKey ? { projectKey } : {}), [projectKey]);
  const { state, retry } = useResolver('listBoards', listPayload);
  const [choice, setChoice] = useState<{ boardId: number | null; sprintId: number | null }>({
    boardId: null,
    sprintId: null,
  });

  if (state.status === 'idle' || state.status === 'loading') return <LoadingPlan what="the boards" />;
  if (state.status === 'error')
    return <ResolverErrorView error={state.error} what="the boards" onRetry={retry} />;

  const boards: BoardChoice[] = state.data;
  const board = boards.find((candidate) => candidate.id === choice.boardId) ?? defaultBoard(boards);
  const sprint = board
    ? (board.sprints.find((candidate) => candidate.id === choice.sprintId) ?? defaultSprint(board))
    : undefined;
  const payload: GetPlanPayload | null = board
    ? sprint
      ? { boardId: board.id, sprintId: sprint.id }
      : { boardId: board.id }
    : null;

  return (
    <>
      <BoardPickers
        boards={boards}
        board={board}
        sprint={sprint}
        projectKey={projectKey}
        onBoard={(boardId) => setChoice({ boardId, sprintId: null })}
        onSprint={(sprintId) => setChoice((previous) => ({ ...previous, sprintId }))}
      />
      {payload && (
        <PlanLoader key={`${payload.boardId}:${payload.sprintId ?? ''}`} payload={payload} locale={locale} />
      )}
    </>
  );
}
