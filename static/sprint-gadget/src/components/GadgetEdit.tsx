import { useId, useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import SectionMessage from '@atlaskit/section-message';
import type { BoardChoice, ListBoardsPayload } from '../../../../src/contract/resolver-api';
import { defaultBoard } from '../../../shared/src/sprint-choice';
import { ResolverErrorView } from '../../../shared/src/States';
import { useResolver } from '../from-panel';
import { saveGadgetConfig } from '../gadget-bridge';
import type { GadgetConfig, GadgetSprint } from '../gadget-config';
import { GadgetLoading } from './States';

/** Every board the person can see (the gadget belongs to no project). */
const ALL_BOARDS: ListBoardsPayload = {};

const STATE_WORDS = { active: 'active', future: 'future', closed: 'closed' } as const;

type Saving = { status: 'idle' } | { status: 'saving' } | { status: 'error'; message: string };

/** The gadget's configuration screen: a Scrum board and which of its sprints, saved with Jira. */
export function GadgetEdit({ saved }: { saved: GadgetConfig | null }) {
  const { state, retry } = useResolver('listBoards', ALL_BOARDS);
  if (state.status === 'idle' || state.status === 'loading') return <GadgetLoading what="the boards" />;
  if (state.status === 'error')
    return <ResolverErrorView error={state.error} what="the boards" onRetry={retry} />;
  const boards = state.data.filter((board) => board.type === 'scrum');
  if (boards.length === 0) {
    return (
      <div className="mll-state" data-testid="empty-state" data-code="no-boards">
        <EmptyState
          header="No Scrum board to show"
          headingLevel={2}
          description="The gadget shows a sprint, and you cannot see any Scrum board. Create one, then edit the gadget again."
        />
      </div>
    );
  }
  return <ConfigForm boards={boards} saved={saved} />;
}

function ConfigForm({ boards, saved }: { boards: BoardChoice[]; saved: GadgetConfig | null }) {
  const boardFieldId = useId();
  const sprintFieldId = useId();
  const [boardId, setBoardId] = useState<number | undefined>(saved?.boardId);
  const [sprint, setSprint] = useState<string>(saved ? String(saved.sprintId) : 'active');
  const [saving, setSaving] = useState<Saving>({ status: 'idle' });

  const board = boards.find((candidate) => candidate.id === boardId) ?? defaultBoard(boards);
  const sprints = board?.sprints ?? [];
  // A sprint id chosen on another board (or no longer listed) falls back to "the active sprint".
  const sprintValue =
    sprint === 'active' || sprint === 'next' || sprints.some((each) => String(each.id) === sprint)
      ? sprint
      : 'active';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!board) return;
    const sprintId: GadgetSprint =
      sprintValue === 'active' || sprintValue === 'next' ? sprintValue : Number(sprintValue);
    setSaving({ status: 'saving' });
    saveGadgetConfig({ boardId: board.id, sprintId, projectKey: board.projectKey }).then(
      () => setSaving({ status: 'idle' }),
      (error: unknown) => {
        const detail = error instanceof Error ? error.message.trim() : String(error);
        setSaving({ status: 'error', message: `Jira did not save the gadget: ${detail}` });
      },
    );
  };

  return (
    <form
      className="mll-gadget-form"
      onSubmit={submit}
      data-testid="gadget-edit"
      aria-label="Gadget settings"
    >
      <h1 className="mll-gadget-form-title">ML Lanes sprint</h1>
      <p className="mll-subtle">
        Which sprint should this gadget show? It reads the sprint as whoever views the dashboard.
      </p>
      <label className="mll-field" htmlFor={boardFieldId}>
        Board
        <select
          id={boardFieldId}
          className="mll-select"
          data-testid="gadget-board"
          value={board?.id ?? ''}
          onChange={(event) => {
            setBoardId(Number(event.target.value));
            setSprint('active');
          }}
        >
          {boards.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.name}
              {choice.projectKey ? ` (${choice.projectKey})` : ''}
            </option>
          ))}
        </select>
      </label>
      <label className="mll-field" htmlFor={sprintFieldId}>
        Sprint
        <select
          id={sprintFieldId}
          className="mll-select"
          data-testid="gadget-sprint"
          value={sprintValue}
          onChange={(event) => setSprint(event.target.value)}
        >
          <option value="active">The active sprint, whichever it is</option>
          <option value="next">The next sprint, whichever it is</option>
          {sprints.length > 0 && (
            <optgroup label="This sprint only">
              {sprints.map((choice) => (
                <option key={choice.id} value={String(choice.id)}>
                  {choice.name} ({STATE_WORDS[choice.state] ?? choice.state})
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      {saving.status === 'error' && (
        <div data-testid="save-error">
          <SectionMessage appearance="error" title="Not saved">
            <p>{saving.message}</p>
          </SectionMessage>
        </div>
      )}
      <div className="mll-gadget-actions">
        <Button
          type="submit"
          appearance="primary"
          isLoading={saving.status === 'saving'}
          testId="gadget-save"
        >
          Save
        </Button>
      </div>
    </form>
  );
}
