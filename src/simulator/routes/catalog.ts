import { avatarUrls } from '../render/common';
import { jiraError, ok, type Reply } from '../http/reply';
import type { RequestContext } from '../http/router';

/** What an admin picks from: issue types, projects, their components, labels. */

export function getIssueTypes(ctx: RequestContext): Reply {
  const seen = new Map<string, boolean>();
  for (const issue of ctx.site.ws.issues)
    if (!seen.has(issue.issueType)) seen.set(issue.issueType, issue.subtask);
  return ok(
    [...seen].map(([name, subtask]) => {
      const id = ctx.site.issueTypeIds.get(name) ?? '10001';
      return {
        self: `${ctx.base}/rest/api/3/issuetype/${id}`,
        id,
        description: '',
        iconUrl: `${ctx.base}/rest/api/2/universal_avatar/view/type/issuetype/avatar/10315?size=medium`,
        name,
        subtask,
        avatarId: 10315,
        hierarchyLevel: subtask ? -1 : name === 'Epic' ? 1 : 0,
      };
    }),
  );
}

export function searchProjects(ctx: RequestContext): Reply {
  const startAt = Number(ctx.query.get('startAt') ?? 0);
  const maxResults = Math.min(Number(ctx.query.get('maxResults') ?? 50), 50);
  const projects = ctx.site.ws.projects;
  const values = projects.slice(startAt, startAt + maxResults).map((project) => ({
    self: `${ctx.base}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: 'software',
    simplified: false,
    style: 'classic',
    isPrivate: false,
    properties: {},
    avatarUrls: avatarUrls(ctx.base, 'project', 10411),
  }));
  return ok({
    self: `${ctx.base}/rest/api/3/project/search?startAt=${startAt}&maxResults=${maxResults}`,
    maxResults,
    startAt,
    total: projects.length,
    isLast: startAt + maxResults >= projects.length,
    values,
  });
}

export function getProjectComponents(ctx: RequestContext): Reply {
  const key = ctx.params.projectIdOrKey ?? '';
  const project = ctx.site.ws.projects.find((p) => p.key === key || p.id === key);
  if (!project) return jiraError(404, [`No project could be found with key '${key}'.`]);
  return ok(
    project.components.map((name) => {
      const id = ctx.site.componentIds.get(`${project.key}/${name}`) ?? '0';
      return {
        self: `${ctx.base}/rest/api/3/component/${id}`,
        id,
        name,
        project: project.key,
        projectId: Number(project.id),
      };
    }),
  );
}

export function getLabels(ctx: RequestContext): Reply {
  const labels = [...new Set(ctx.site.ws.issues.flatMap((issue) => issue.labels))].sort();
  const startAt = Number(ctx.query.get('startAt') ?? 0);
  const maxResults = Math.min(Number(ctx.query.get('maxResults') ?? 1000), 1000);
  return ok({
    self: `${ctx.base}/rest/api/3/label?startAt=${startAt}&maxResults=${maxResults}`,
    maxResults,
    startAt,
    total: labels.length,
    isLast: startAt + maxResults >= labels.length,
    values: labels.slice(startAt, startAt + maxResults),
  });
}

export function getProject(ctx: RequestContext): Reply {
  const key = ctx.params.projectIdOrKey ?? '';
  const project = ctx.site.ws.projects.find((p) => p.key === key || p.id === key);
  if (!project) {
    return jiraError(404, [`No project could be found with key '${key}'.`]);
  }
  return ok({
    self: `${ctx.base}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: 'software',
    simplified: false,
    style: 'classic',
    isPrivate: false,
    avatarUrls: avatarUrls(ctx.base, 'project', 10411),
  });
}
