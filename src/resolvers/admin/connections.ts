import { z } from 'zod';
import * as connections from '../../app/connections-admin';
import type { ConnectionsView, DeliveryLogView, IssuedSecretView } from '../../contract/connections-api';
import { evidenceToolSchema } from '../../domain/evidence/evidence-event';
import { BadRequestError } from '../../errors';
import { jiraClientFor, type ResolverDeps } from '../deps';
import type { ForgeContext } from '../request';

/** Payload schemas: strict, so a typo is an error rather than silently ignored. */
const revision = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const emptyPayload = z.strictObject({}).default({});
const savePayload = z.strictObject({ connections: z.unknown(), baseRevision: revision });
const toolPayload = z.strictObject({ tool: evidenceToolSchema });
const logPayload = z.strictObject({ tool: evidenceToolSchema.optional() }).default({});

function connectionsDeps(deps: ResolverDeps, context: ForgeContext): connections.ConnectionsDeps {
  if (!deps.connections) {
    throw new BadRequestError('Connections to ML tools are not available where ML Lanes runs here.');
  }
  return {
    client: jiraClientFor(deps, context),
    access: deps.connections,
    accountId: context.accountId ?? null,
  };
}

export async function getConnections(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<ConnectionsView> {
  emptyPayload.parse(payload);
  return connections.readConnections(connectionsDeps(deps, context));
}

export async function saveConnections(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<ConnectionsView> {
  const request = savePayload.parse(payload);
  return connections.saveConnections(
    connectionsDeps(deps, context),
    request.connections,
    request.baseRevision,
  );
}

export async function createSecret(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<IssuedSecretView> {
  const { tool } = toolPayload.parse(payload);
  return connections.createSecret(connectionsDeps(deps, context), tool);
}

export async function rotateSecret(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<IssuedSecretView> {
  const { tool } = toolPayload.parse(payload);
  return connections.rotateSecret(connectionsDeps(deps, context), tool);
}

export async function rotateUrl(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<ConnectionsView> {
  emptyPayload.parse(payload);
  return connections.rotateUrl(connectionsDeps(deps, context));
}

export async function getDeliveryLog(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<DeliveryLogView[]> {
  const { tool } = logPayload.parse(payload);
  return connections.readDeliveryLog(connectionsDeps(deps, context), tool);
}
