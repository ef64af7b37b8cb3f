import { connectionsSchema } from '../config/connections-schema';
import { formatPath } from '../config/parse';
import type {
  ConnectionsView,
  DeliveryLogView,
  IssuedSecretView,
  ToolConnectionView,
} from '../contract/connections-api';
import {
  EVIDENCE_FIELD_SPECS,
  EVIDENCE_FIELDS,
  EVIDENCE_TOOLS,
  EVIDENCE_TOOL_NAMES,
  type EvidenceTool,
} from '../domain/evidence/evidence-event';
import type { JiraClient } from '../jira/client';
import { isJiraAdmin } from '../jira/permissions';
import { requireJiraAdmin } from './admin-guard';
import type { ConnectionsStore, LoadedConnections } from '../storage/connections-store';
import type { DeliveryLog } from '../storage/delivery-log';
import type { WebhookSecrets } from '../storage/webhook-secrets';
import { BadRequestError, InvalidConfigError } from '../errors';
import { snippetsFor } from './connection-snippets';
import { TOOL_DESCRIPTIONS } from './connection-tools';

/**
 * The admin page's Connections, over the stores the ingest side owns: settings (revisioned), secrets (shown once)
 * and the delivery log. Every write, the URL and the log are for Jira admins, asked of Jira as the caller here on
 * the server: the page hiding a button is a courtesy, not the check.
 */

/** The web trigger's address: Forge's `webTrigger.getUrl`, or the playground's local URL. */
export interface WebTriggerUrls {
  /** The trigger's URL without a trailing slash; a tool's route is `${url}/${tool}`. */
  current(): Promise<string>;
  /** Replaces the URL (the old one stops answering) and gives the new one; absent where the URL is fixed. */
  replace?(): Promise<string>;
}

export interface ConnectionsAccess {
  settings: ConnectionsStore;
  secrets: WebhookSecrets;
  log: DeliveryLog;
  webTrigger: WebTriggerUrls;
}

export interface ConnectionsDeps {
  client: JiraClient;
  access: ConnectionsAccess;
  accountId: string | null;
}

const ADMIN_ONLY = 'Only Jira administrators can change the ML Lanes connections.';

const requireAdmin = (client: JiraClient, message = ADMIN_ONLY) => requireJiraAdmin(client, message);

export async function readConnections(deps: ConnectionsDeps): Promise<ConnectionsView> {
  const [loaded, canEdit] = await Promise.all([deps.access.settings.load(), isJiraAdmin(deps.client)]);
  return view(deps.access, loaded, canEdit);
}

/** Saves when nobody saved since `baseRevision`; every problem is named by its path and nothing is stored. */
export async function saveConnections(
  deps: ConnectionsDeps,
  document: unknown,
  baseRevision: number,
): Promise<ConnectionsView> {
  await requireAdmin(deps.client);
  const parsed = connectionsSchema.safeParse(document);
  if (!parsed.success) {
    throw new InvalidConfigError(
      parsed.error.issues.map((issue) => ({
        path: formatPath(issue.path) || '(root)',
        message: issue.message,
      })),
    );
  }
  const saved = await deps.access.settings.save(parsed.data, baseRevision, deps.accountId);
  return view(deps.access, saved, true);
}

/** A tool's first secret; a second "create" would silently break the tool already using the first. */
export async function createSecret(deps: ConnectionsDeps, tool: EvidenceTool): Promise<IssuedSecretView> {
  await requireAdmin(deps.client);
  if ((await deps.access.secrets.status(tool)).configured) {
    throw new BadRequestError(
      `${EVIDENCE_TOOL_NAMES[tool]} already has a secret; rotate it to replace it (the old one then stops working).`,
    );
  }
  return issued(await deps.access.secrets.rotate(tool));
}

export async function rotateSecret(deps: ConnectionsDeps, tool: EvidenceTool): Promise<IssuedSecretView> {
  await requireAdmin(deps.client);
  return issued(await deps.access.secrets.rotate(tool));
}

export async function rotateUrl(deps: ConnectionsDeps): Promise<ConnectionsView> {
  await requireAdmin(deps.client);
  const { replace } = deps.access.webTrigger;
  if (!replace) throw new BadRequestError('This host’s web trigger URL is fixed and cannot be replaced.');
  await replace.call(deps.access.webTrigger);
  return view(deps.access, await deps.access.settings.load(), true);
}

export async function readDeliveryLog(
  deps: ConnectionsDeps,
  tool: EvidenceTool | undefined,
): Promise<DeliveryLogView[]> {
  await requireAdmin(deps.client, 'Only Jira administrators can see the delivery log.');
  const tools = tool ? [tool] : EVIDENCE_TOOLS;
  return Promise.all(
    tools.map(async (each) => ({
      tool: each,
      entries: (await deps.access.log.list(each)).map(({ tool: _tool, ...entry }) => entry),
    })),
  );
}

/** Only what the page may show: the secret itself never leaves `issued`. */
function issued({ tool, secret, createdAt }: IssuedSecretView): IssuedSecretView {
  return { tool, secret, createdAt };
}

async function view(
  access: ConnectionsAccess,
  loaded: LoadedConnections,
  canEdit: boolean,
): Promise<ConnectionsView> {
  const [base, statuses] = await Promise.all([
    canEdit
      ? urlOf(access.webTrigger)
      : Promise.resolve<UrlAnswer>({ problem: 'Only Jira administrators see the web trigger URL.' }),
    Promise.all(EVIDENCE_TOOLS.map((tool) => access.secrets.status(tool))),
  ]);
  const tools: ToolConnectionView[] = statuses.map((status) => {
    const url = 'url' in base ? `${base.url}/${status.tool}` : null;
    return {
      tool: status.tool,
      name: EVIDENCE_TOOL_NAMES[status.tool],
      ...TOOL_DESCRIPTIONS[status.tool],
      snippets: snippetsFor(status.tool, loaded.connections.tools[status.tool], url),
      url,
      secret: { configured: status.configured, createdAt: status.createdAt },
    };
  });
  return {
    connections: loaded.connections,
    revision: loaded.revision,
    savedAt: loaded.savedAt,
    savedBy: loaded.savedBy,
    fallback: loaded.fallback,
    tools,
    fields: EVIDENCE_FIELDS.map((id) => {
      const spec = EVIDENCE_FIELD_SPECS[id];
      return { id, name: spec.name, type: spec.type };
    }),
    urlProblem: 'problem' in base ? base.problem : null,
    canEdit,
    canRotateUrl: canEdit && access.webTrigger.replace !== undefined,
  };
}

type UrlAnswer = { url: string } | { problem: string };

/** The URL, or why there is none: the page still shows the settings when Forge cannot say. */
async function urlOf(webTrigger: WebTriggerUrls): Promise<UrlAnswer> {
  try {
    return { url: (await webTrigger.current()).replace(/\/+$/, '') };
  } catch (error) {
    console.error('ML Lanes could not read the web trigger URL', error);
    return { problem: 'The web trigger URL could not be read; try again in a moment.' };
  }
}
