import type { Site } from '../site';
import type { WorkspaceBoard, WorkspaceSprint } from '../workspace';

/** Jira Software (agile) shapes: boards, board configuration, sprints. */

function projectOf(site: Site, board: WorkspaceBoard) {
  return site.ws.projects.find((p) => p.key === board.projectKey);
}

export function renderBoard(site: Site, base: string, board: WorkspaceBoard) {
  const project = projectOf(site, board);
  return {
    id: board.id,
    self: `${base}/rest/agile/1.0/board/${board.id}`,
    name: board.name,
    type: board.type,
    ...(project
      ? {
          location: {
            projectId: Number(project.id),
            displayName: `${project.name} (${project.key})`,
            projectName: project.name,
            projectKey: project.key,
            projectTypeKey: 'software',
            avatarURI: `${base}/rest/api/2/universal_avatar/view/type/project/avatar/10411?size=small`,
            name: `${project.name} (${project.key})`,
          },
        }
      : {}),
    isPrivate: false,
  };
}

/** Matches the real Cloud recordings (go-atlassian get-board-config.json, jirametrics kanban config). */
export function renderBoardConfiguration(site: Site, base: string, board: WorkspaceBoard) {
  const project = projectOf(site, board);
  const filterId = String(10000 + board.id);
  const estimationField =
    board.estimationFieldId === null ? undefined : site.fields.get(board.estimationFieldId);
  const rankId = site.rankField ? Number(/(\d+)$/.exec(site.rankField.id)?.[1]) : NaN;
  return {
    id: board.id,
    name: board.name,
    type: board.type,
    self: `${base}/rest/agile/1.0/board/${board.id}/configuration`,
    ...(project
      ? {
          location: {
            type: 'project',
            key: project.key,
            id: project.id,
            self: `${base}/rest/api/2/project/${project.id}`,
            name: project.name,
          },
        }
      : {}),
    filter: { id: filterId, self: `${base}/rest/api/2/filter/${filterId}` },
    ...(board.type === 'kanban'
      ? { subQuery: { query: 'fixVersion in unreleasedVersions() OR fixVersion is EMPTY' } }
      : {}),
    columnConfig: {
      columns: [...site.statuses.values()].map((status) => ({
        name: status.name,
        statuses: [{ id: status.id, self: `${base}/rest/api/2/status/${status.id}` }],
      })),
      constraintType: board.type === 'kanban' ? 'issueCount' : 'none',
    },
    ...(estimationField
      ? {
          estimation: {
            type: 'field',
            field: { fieldId: estimationField.id, displayName: estimationField.name },
          },
        }
      : {}),
    ...(Number.isFinite(rankId) ? { ranking: { rankCustomFieldId: rankId } } : {}),
  };
}

/** The agile sprint bean (GET /sprint/{id}, /board/{id}/sprint). Unset dates and goals are left out. */
export function renderSprint(base: string, sprint: WorkspaceSprint) {
  return {
    id: sprint.id,
    self: `${base}/rest/agile/1.0/sprint/${sprint.id}`,
    state: sprint.state,
    name: sprint.name,
    ...(sprint.startDate === null ? {} : { startDate: sprint.startDate }),
    ...(sprint.endDate === null ? {} : { endDate: sprint.endDate }),
    ...(sprint.completeDate === null ? {} : { completeDate: sprint.completeDate }),
    ...(sprint.createdDate === null ? {} : { createdDate: sprint.createdDate }),
    originBoardId: sprint.boardId,
    ...(sprint.goal === null ? {} : { goal: sprint.goal }),
  };
}

/** One entry of an issue's sprint field (as in the SP-14 recording: goal "" when unset). */
export function renderSprintFieldEntry(sprint: WorkspaceSprint) {
  return {
    id: sprint.id,
    name: sprint.name,
    state: sprint.state,
    boardId: sprint.boardId,
    goal: sprint.goal ?? '',
    ...(sprint.startDate === null ? {} : { startDate: sprint.startDate }),
    ...(sprint.endDate === null ? {} : { endDate: sprint.endDate }),
    ...(sprint.completeDate === null ? {} : { completeDate: sprint.completeDate }),
  };
}
