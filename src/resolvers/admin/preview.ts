import { previewConfig as preview } from '../../app/preview';
import type { ConfigPreview } from '../../contract/admin-api';
import { jiraClientFor, type ResolverDeps } from '../deps';
import type { ForgeContext } from '../request';
import { previewPayload } from './payloads';

export async function previewConfig(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<ConfigPreview> {
  const request = previewPayload.parse(payload);
  return preview(
    { client: jiraClientFor(deps, context), configs: deps.configs },
    {
      document: request.config,
      projectKey: request.projectKey,
      jql: request.jql,
      boardId: request.boardId,
      sprintId: request.sprintId,
      site: context.siteUrl ?? '',
    },
  );
}
