/**
 * The admin page's Connections: which ML tools (MLflow, Databricks, W&B, Label Studio, CI pipelines) may post
 * evidence to the app's web trigger, the URL and secret each one needs, and the last deliveries. Reading the
 * settings is open to whoever sees the admin page; the web trigger URL, the delivery log and every write are for
 * Jira admins only, checked on the server. A secret is shown once, by the call that creates it, and never again.
 */
import type { Connections } from '../config/connections-schema';
import type { EvidenceField, EvidenceTool } from '../domain/evidence/evidence-event';

/** The settings document's types, for the admin page (types only: the validator stays on the server). */
export type { Connections, FieldMapping, KeySourcePlace, ToolSettings } from '../config/connections-schema';
export type { EvidenceField, EvidenceTool } from '../domain/evidence/evidence-event';

/** What the page may know about a tool's secret: whether one is set and since when, never the secret. */
export interface SecretStatusView {
  configured: boolean;
  createdAt: string | null;
}

/** A ready-to-paste piece of setup for a tool, built from the saved settings and the URL; never a secret. */
export interface SnippetView {
  id: string;
  title: string;
  language: 'python' | 'json' | 'yaml' | 'shell' | 'text';
  /** Where in the tool it goes, in words. */
  where: string;
  text: string;
}

/** Where a tool's deliveries may name their issue, and whether that place needs a name (a tag, a field). */
export interface KeySourceOption {
  place: string;
  label: string;
  /** The label of the name to give ("Tag"), or null when the place needs none. */
  nameLabel: string | null;
  /** The name used when none is given. */
  defaultName: string | null;
}

/** A value a tool's delivery offers for mapping (`metrics.` ones take any metric name after the dot). */
export interface OfferedValue {
  from: string;
  hint: string;
}

export interface EvidenceFieldOption {
  id: EvidenceField;
  /** As Jira shows it, and as a Definition of Done's automatic item names it ("ML holdout accuracy"). */
  name: string;
  type: 'number' | 'string';
}

export interface ToolConnectionView {
  tool: EvidenceTool;
  /** "MLflow", "Weights & Biases"… */
  name: string;
  keySources: KeySourceOption[];
  offers: OfferedValue[];
  /** An example of the tool's base URL, which links to runs and versions are built from (or checked against). */
  baseUrlExample: string;
  snippets: SnippetView[];
  /** The URL to paste into the tool (the web trigger's URL and the tool's route, e.g. `…/mlflow`); null for
   * non-admins or when the host could not say (then `ConnectionsView.urlProblem` says why). */
  url: string | null;
  secret: SecretStatusView;
}

export interface ConnectionsView {
  connections: Connections;
  /** Increases with every save; 0 means never saved (everything off). */
  revision: number;
  savedAt: string | null;
  /** Jira account id of whoever saved it. */
  savedBy: string | null;
  /** Set when the newest saved settings were unreadable and older ones are in force. */
  fallback: string | null;
  /** One per tool, in the order the page lists them. */
  tools: ToolConnectionView[];
  /** The evidence fields a mapping may write. */
  fields: EvidenceFieldOption[];
  /** Why the URLs are missing, in words; null when they are there. */
  urlProblem: string | null;
  /** Whether the caller may change anything here (a Jira administrator, asked of Jira). */
  canEdit: boolean;
  /** Whether this host can replace the web trigger URL (Forge can; the playground's is fixed). */
  canRotateUrl: boolean;
}

/** A new secret: shown to the admin this once, to paste into the tool. */
export interface IssuedSecretView {
  tool: EvidenceTool;
  secret: string;
  createdAt: string;
}

export type DeliveryOutcomeView = 'accepted' | 'written' | 'ignored' | 'rejected';

/** One delivery as the log keeps it: never its body, a header or a secret. */
export interface DeliveryLogEntryView {
  at: string;
  outcome: DeliveryOutcomeView;
  /** Our own short words: "signature does not match", "CV-7: holdout accuracy 0.93 written". */
  reason: string;
  deliveryId?: string | undefined;
  issueKey?: string | undefined;
  /** Rejections with the same reason in the same minute, counted into one entry. */
  count: number;
}

export interface DeliveryLogView {
  tool: EvidenceTool;
  /** Newest first, at most 50. */
  entries: DeliveryLogEntryView[];
}

export interface ConnectionsApi {
  getConnections: { payload: Record<string, never>; result: ConnectionsView };
  /** `baseRevision` is the revision the admin started from: a newer one is refused (conflict), never overwritten. */
  saveConnections: { payload: { connections: unknown; baseRevision: number }; result: ConnectionsView };
  /** A tool's first secret; refused when one is set (rotate it instead). */
  createSecret: { payload: { tool: EvidenceTool }; result: IssuedSecretView };
  /** A new secret for the tool; the old one stops working at once. */
  rotateSecret: { payload: { tool: EvidenceTool }; result: IssuedSecretView };
  /** A new web trigger URL for every tool; the old one stops answering at once. */
  rotateUrl: { payload: Record<string, never>; result: ConnectionsView };
  /** The last deliveries of one tool, or of every tool. */
  getDeliveryLog: { payload: { tool?: EvidenceTool }; result: DeliveryLogView[] };
}

export const CONNECTIONS_RESOLVER_KEYS = [
  'getConnections',
  'saveConnections',
  'createSecret',
  'rotateSecret',
  'rotateUrl',
  'getDeliveryLog',
] as const satisfies readonly (keyof ConnectionsApi)[];
