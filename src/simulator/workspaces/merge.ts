import type { Workspace } from '../workspace';

/**
 * Puts two workspaces on one site, as real sites hold many boards. A site has one field per purpose,
 * so `b`'s fields are mapped onto `a`'s: the sprint and rank fields by role, the rest by name; fields
 * `a` lacks keep their ids. The first workspace's user and credentials win.
 */
export function mergeWorkspaces(a: Workspace, b: Workspace, name = `${a.name} + ${b.name}`): Workspace {
  const idMap = new Map<string, string>();
  const extraFields: Workspace['fields'] = [];
  for (const field of b.fields) {
    const target = a.fields.find((f) =>
      field.role === 'sprint' || field.role === 'rank' ? f.role === field.role : f.name === field.name,
    );
    if (target) idMap.set(field.id, target.id);
    else if (a.fields.some((f) => f.id === field.id))
      throw new Error(`field id ${field.id} means different fields`);
    else extraFields.push(field);
  }
  const mapId = (id: string) => idMap.get(id) ?? id;
  const byName = <T extends { name: string }>(first: T[], second: T[]) => [
    ...first,
    ...second.filter((x) => !first.some((y) => y.name === x.name)),
  ];
  return {
    ...a,
    name,
    fields: [...a.fields, ...extraFields],
    linkTypes: byName(a.linkTypes, b.linkTypes),
    people: [
      ...(a.people ?? []),
      ...(b.people ?? []).filter((p) => !(a.people ?? []).some((q) => q.accountId === p.accountId)),
    ],
    projects: [...a.projects, ...b.projects],
    boards: [
      ...a.boards,
      ...b.boards.map((board) => ({
        ...board,
        estimationFieldId: board.estimationFieldId ? mapId(board.estimationFieldId) : board.estimationFieldId,
      })),
    ],
    sprints: [...a.sprints, ...b.sprints],
    statuses: byName(a.statuses, b.statuses),
    issues: [
      ...a.issues,
      ...b.issues.map((issue) => ({
        ...issue,
        fields: Object.fromEntries(
          Object.entries(issue.fields ?? {}).map(([id, value]) => [mapId(id), value]),
        ),
        changelog: (issue.changelog ?? []).map((entry) => ({
          ...entry,
          changes: entry.changes.map((c) => (c.kind === 'field' ? { ...c, fieldId: mapId(c.fieldId) } : c)),
        })),
      })),
    ],
    links: [...(a.links ?? []), ...(b.links ?? [])],
  };
}
