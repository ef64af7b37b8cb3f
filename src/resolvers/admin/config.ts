import * as configAdmin from '../../app/config-admin';
import { withReindex } from '../../app/reindex-after-config';
import type { ConfigProblemView, RevisionSummary, SavedConfigView } from '../../contract/admin-api';
import { scopeOf } from '../../storage/config-repository';
import { jiraClientFor, type ResolverDeps } from '../deps';
import type { ForgeContext } from '../request';
import {
  importPayload,
  resetPayload,
  restorePayload,
  savePayload,
  scopePayload,
  validatePayload,
} from './payloads';

function adminDeps(deps: ResolverDeps, context: ForgeContext): configAdmin.ConfigAdminDeps {
  return {
    client: jiraClientFor(deps, context),
    configs: deps.configs,
    accountId: context.accountId ?? null,
  };
}

export async function getConfig(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<SavedConfigView> {
  const scope = scopeOf(scopePayload.parse(payload).projectKey);
  return configAdmin.readConfig(adminDeps(deps, context), scope);
}

export async function saveConfig(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<SavedConfigView> {
  const request = savePayload.parse(payload);
  const saved = await configAdmin.saveConfig(adminDeps(deps, context), {
    scope: scopeOf(request.projectKey),
    document: request.config,
    baseRevision: request.baseRevision,
  });
  return withReindex(saved, deps.boardIndex, deps.now);
}

export async function validateConfig(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<ConfigProblemView[]> {
  const request = validatePayload.parse(payload);
  return configAdmin.validateConfig({ client: jiraClientFor(deps, context) }, request.config);
}

export async function importConfig(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<SavedConfigView> {
  const request = importPayload.parse(payload);
  const saved = await configAdmin.importConfig(adminDeps(deps, context), {
    scope: scopeOf(request.projectKey),
    text: request.text,
    baseRevision: request.baseRevision,
  });
  return withReindex(saved, deps.boardIndex, deps.now);
}

export async function listRevisions(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<RevisionSummary[]> {
  const scope = scopeOf(scopePayload.parse(payload).projectKey);
  return configAdmin.listRevisions(adminDeps(deps, context), scope);
}

export async function restoreRevision(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<SavedConfigView> {
  const request = restorePayload.parse(payload);
  const saved = await configAdmin.restoreRevision(adminDeps(deps, context), {
    scope: scopeOf(request.projectKey),
    revision: request.revision,
    baseRevision: request.baseRevision,
  });
  return withReindex(saved, deps.boardIndex, deps.now);
}

export async function resetProjectConfig(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<SavedConfigView> {
  const request = resetPayload.parse(payload);
  const saved = await configAdmin.resetProjectConfig(adminDeps(deps, context), {
    projectKey: request.projectKey,
    baseRevision: request.baseRevision,
  });
  return withReindex(saved, deps.boardIndex, deps.now);
}
