/**
 * The admin page's resolvers: reading, previewing, saving and restoring the configuration document.
 * Reading is open to every user of the app; every call that changes the configuration is for Jira admins only,
 * checked on the server.
 */
import type { MlLanesConfig } from '../config/schema';

/** The configuration document's types, for the admin page (types only: the validator itself stays on the server). */
export type {
  ClassificationRule,
  DependencyLinkType,
  DodItem,
  DodRule,
  DodTemplate,
  LaneConfig,
  MlLanesConfig,
  RuleCondition,
} from '../config/schema';

/** Where a configuration applies: the whole site, or one project (overriding the site's). */
export interface ConfigScopeRef {
  /** Left out: the site default. */
  projectKey?: string;
}

export interface ConfigProblemView {
  /** JSON path, e.g. `rules[3].conditions[0].pattern`. */
  path: string;
  message: string;
}

export interface SavedConfigView {
  scope: ConfigScopeRef;
  config: MlLanesConfig;
  /** Increases with every save; 0 means nothing was ever saved (these are the defaults, or the site's). */
  revision: number;
  savedAt: string | null;
  /** Jira account id of whoever saved it. */
  savedBy: string | null;
  /** Where the config came from: saved for this scope, inherited from the site, or the built-in defaults. */
  source: 'saved' | 'site' | 'defaults';
  /** Set when the stored document was unreadable and an older valid revision is in use: say so to admins. */
  fallback: { reason: string; revision: number } | null;
  /** Whether the caller may change it (a Jira administrator). */
  canEdit: boolean;
  /** Set when the stored document was written by an older version of ML Lanes and migrated on load. */
  migratedFrom: number | null;
  /**
   * After a write: the board index re-reads the open sprints' issues the configuration covers (how many were
   * queued; `complete` false when Jira's search stopped early), or why it could not start; null when nothing was
   * written or there is no board index (the CLI).
   */
  reindex: { queued: number; complete: boolean } | { failed: string } | null;
}

export interface RevisionSummary {
  revision: number;
  savedAt: string;
  savedBy: string | null;
  /** e.g. "5 lanes, 12 rules". */
  description: string;
}

export interface PreviewRow {
  key: string;
  summary: string;
  laneBefore: string | null;
  ruleBefore: string;
  laneAfter: string | null;
  ruleAfter: string;
}

export interface ConfigPreview {
  /** What was previewed, in words ("CV Sprint 14 on CV board" or "JQL: project = CV"). */
  scopeDescription: string;
  /** What could not be loaded, in words: the preview is then partial. */
  warnings: string[];
  rows: PreviewRow[];
  /** Issues whose lane changes. */
  moved: number;
  /** Issues per lane id ('' for unclassified), before and after. */
  countsBefore: Record<string, number>;
  countsAfter: Record<string, number>;
}

export interface SiteCatalog {
  issueTypes: string[];
  fields: { id: string; name: string }[];
  projects: { key: string; name: string }[];
  components: string[];
  labels: string[];
  linkTypes: { name: string; inward: string; outward: string }[];
}

export interface AdminApi {
  getConfig: { payload: ConfigScopeRef; result: SavedConfigView };
  /** `baseRevision` is the revision the admin started editing from: a newer one means someone else saved. */
  saveConfig: {
    payload: ConfigScopeRef & { config: unknown; baseRevision: number };
    result: SavedConfigView;
  };
  /** The same as saveConfig, from the text of an exported file (JSON; older versions are migrated). */
  importConfig: { payload: ConfigScopeRef & { text: string; baseRevision: number }; result: SavedConfigView };
  listRevisions: { payload: ConfigScopeRef; result: RevisionSummary[] };
  restoreRevision: {
    payload: ConfigScopeRef & { revision: number; baseRevision: number };
    result: SavedConfigView;
  };
  /** Removes a project's override, so the project follows the site configuration again. */
  resetProjectConfig: { payload: { projectKey: string; baseRevision: number }; result: SavedConfigView };
  /**
   * Every problem of an edited document, by path, as saving would report them (fields the site lacks included):
   * the admin page's live validation, so the browser ships no validator of its own.
   */
  validateConfig: { payload: { config: unknown }; result: ConfigProblemView[] };
  /** Lanes now vs with `config`, for a sprint or a JQL query. Validates `config` and lists its problems. */
  previewConfig: {
    payload: { config: unknown; boardId?: number; sprintId?: number; jql?: string; projectKey?: string };
    result: ConfigPreview;
  };
  siteCatalog: { payload: { projectKey?: string }; result: SiteCatalog };
}

export type AdminResolverKey = keyof AdminApi;

export const ADMIN_RESOLVER_KEYS = [
  'getConfig',
  'saveConfig',
  'importConfig',
  'listRevisions',
  'restoreRevision',
  'resetProjectConfig',
  'previewConfig',
  'validateConfig',
  'siteCatalog',
] as const satisfies readonly AdminResolverKey[];
