import { useId } from 'react';
import EmptyState from '@atlaskit/empty-state';
import type { BoardChoice } from '../../../../src/contract/resolver-api';
import type { SprintChoice } from '../../../shared/src/sprint-choice';

const GROUPS: { state: SprintChoice['state']; label: string }[] = [
  { state: 'active', label: 'Active' },
  { state: 'future', label: 'Future' },
  { state: 'closed', label: 'Closed' },
];

export interface BoardPickersProps {
  boards: BoardChoice[];
  board: BoardChoice | undefined;
  sprint: SprintChoice | undefined;
  projectKey: string | undefined;
  onBoard: (boardId: number) => void;
  onSprint: (sprintId: number) => void;
}

/** Board and sprint pickers for the project page. Native selects: keyboard- and screen-reader-friendly, and light. */
export function BoardPickers({ boards, board, sprint, projectKey, onBoard, onSprint }: BoardPickersProps) {
  const boardId = useId();
  const sprintId = useId();
  if (boards.length === 0) {
    return (
      <div className="mll-state" data-testid="empty-state" data-code="no-boards">
        <EmptyState
          header="No boards to plan"
          headingLevel={2}
          description={
            projectKey
              ? `Project ${projectKey} has no board you can see. Create a Scrum board for it, then come back.`
              : 'You cannot see any Jira board. Create a Scrum board, then come back.'
          }
        />
      </div>
    );
  }
  return (
    <div className="mll-pickers" role="group" aria-label="Choose the sprint to plan">
      <label className="mll-field" htmlFor={boardId}>
        Board
        <select
          id={boardId}
          className="mll-select"
          data-testid="board-picker"
          value={board?.id ?? ''}
          onChange={(event) => onBoard(Number(event.target.value))}
        >
          {boards.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.name}
              {choice.type && choice.type !== 'scrum' ? ` (${choice.type})` : ''}
            </option>
          ))}
        </select>
      </label>
      <label className="mll-field" htmlFor={sprintId}>
        Sprint
        <select
          id={sprintId}
          className="mll-select"
          data-testid="sprint-picker"
          value={sprint?.id ?? ''}
          disabled={!board || board.sprints.length === 0}
          onChange={(event) => onSprint(Number(event.target.value))}
        >
          {!board || board.sprints.length === 0 ? (
            <option value="">No sprints on this board</option>
          ) : (
            GROUPS.map((group) => {
              const sprints = board.sprints.filter((candidate) => candidate.state === group.state);
              if (sprints.length === 0) return null;
              return (
                <optgroup key={group.state} label={group.label}>
                  {sprints.map((choice) => (
                    <option key={choice.id} value={choice.id}>
                      {choice.name}
                    </option>
                  ))}
                </optgroup>
              );
            })
          )}
        </select>
      </label>
    </div>
  );
}
