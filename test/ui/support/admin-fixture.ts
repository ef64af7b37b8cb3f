/**
 * A fake ML Lanes server for the admin page's UI tests: answers every admin resolver from memory, the way the
 * real ones do (revisions, conflicts by baseRevision, history), and records nothing itself (the fake bridge does).
 * Tests change `site`, `canEdit` or set `override[functionKey]` to answer one call differently.
 */
import type { ResolverResult } from '../../../src/contract/envelope';
import type {
  ConfigPreview,
  RevisionSummary,
  SavedConfigView,
  SiteCatalog,
} from '../../../src/contract/admin-api';
import type { BoardChoice, PanelContext } from '../../../src/contract/resolver-api';
import { defaultConfig } from '../../../src/config/defaults';
import type { MlLanesConfig } from '../../../src/config/schema';
import type { InvokeRequest } from './fake-bridge';

export const ADMIN_CONTEXT: PanelContext & { locale: string } = {
  moduleKey: 'ml-lanes-admin',
  locale: 'en_GB',
  theme: { colorMode: 'light' },
  extension: { type: 'jira:adminPage' },
};

/** The defaults plus one `conditions` rule (second): Bugs or "[qa]" summaries go to Test. */
export function adminConfig(): MlLanesConfig {
  const config = defaultConfig();
  config.rules.splice(1, 0, {
    kind: 'conditions',
    lane: 'test',
    match: 'any',
    conditions: [
      { op: 'equals', field: 'issueType', value: 'Bug' },
      { op: 'regex', field: 'summary', pattern: '^\\[qa\\]' },
    ],
  });
  config.capacity = { model: { storyPoints: 21, wipLimit: 3 } };
  return config;
}

export const CATALOG: SiteCatalog = {
  issueTypes: ['Story', 'Task', 'Bug', 'Epic'],
  fields: [
    { id: 'customfield_10042', name: 'Model accuracy' },
    { id: 'customfield_10044', name: 'Dataset version' },
  ],
  projects: [
    { key: 'CV', name: 'Computer Vision' },
    { key: 'NLP', name: 'Language Models' },
  ],
  components: ['annotation', 'training'],
  labels: ['data', 'qa'],
  linkTypes: [
    { name: 'Blocks', outward: 'blocks', inward: 'is blocked by' },
    { name: 'Depends', outward: 'depends on', inward: 'is depended on by' },
  ],
};

export const BOARDS: BoardChoice[] = [
  {
    id: 1,
    name: 'CV board',
    type: 'scrum',
    projectKey: 'CV',
    sprints: [
      { id: 101, name: 'CV Sprint 13', state: 'closed' },
      { id: 102, name: 'CV Sprint 14', state: 'active' },
    ],
  },
];

export const PREVIEW: ConfigPreview = {
  scopeDescription: 'CV Sprint 14 on CV board',
  warnings: [],
  rows: [
    {
      key: 'CV-101',
      summary: 'Collect street-scene dataset',
      laneBefore: 'data',
      ruleBefore: 'label "data" matches keyword "data"',
      laneAfter: 'data',
      ruleAfter: 'label "data" matches keyword "data"',
    },
    {
      key: 'CV-104',
      summary: '[qa] Regression suite',
      laneBefore: 'test',
      ruleBefore: 'summary matches /^\\[qa\\]/i',
      laneAfter: 'code',
      ruleAfter: 'summary matches /^\\[qa\\]/i',
    },
    {
      key: 'CV-108',
      summary: 'Write onboarding doc',
      laneBefore: null,
      ruleBefore: 'no rule matched',
      laneAfter: null,
      ruleAfter: 'no rule matched',
    },
  ],
  moved: 1,
  countsBefore: { data: 1, test: 1, '': 1 },
  countsAfter: { data: 1, code: 1, '': 1 },
};

type Handler = (payload: Record<string, unknown>) => ResolverResult<unknown>;

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export class FakeAdminServer {
  site: { config: MlLanesConfig; revision: number } = { config: adminConfig(), revision: 7 };
  projects = new Map<string, { config: MlLanesConfig; revision: number }>();
  canEdit = true;
  fallback: SavedConfigView['fallback'] = null;
  migratedFrom: number | null = null;
  /** One-off answers by function key (each used once, then removed). */
  override = new Map<string, Handler>();

  view(projectKey?: string): SavedConfigView {
    const own = projectKey ? this.projects.get(projectKey) : this.site;
    const used = own ?? this.site;
    return {
      scope: projectKey ? { projectKey } : {},
      config: clone(used.config),
      revision: own ? own.revision : 0,
      savedAt: own ? '2026-11-25T14:12:00.000Z' : null,
      savedBy: own ? 'Priya Raman' : null,
      source: own ? 'saved' : 'site',
      fallback: this.fallback,
      canEdit: this.canEdit,
      migratedFrom: this.migratedFrom,
    };
  }

  revisions(): RevisionSummary[] {
    return Array.from({ length: this.site.revision }, (_, index) => this.site.revision - index).map(
      (revision) => ({
        revision,
        savedAt: `2026-11-${String(10 + revision).padStart(2, '0')}T10:00:00.000Z`,
        savedBy: revision % 2 ? 'Priya Raman' : 'Tomás Ortega',
        description: '5 lanes, 12 rules, 1 link types',
      }),
    );
  }

  private write(payload: Record<string, unknown>, config: unknown): ResolverResult<SavedConfigView> {
    if (!this.canEdit) {
      return { ok: false, error: { code: 'forbidden', message: 'Only Jira administrators can change it.' } };
    }
    const projectKey = payload.projectKey as string | undefined;
    const scope = projectKey ? this.projects.get(projectKey) : this.site;
    const current = scope?.revision ?? 0;
    if (payload.baseRevision !== current) {
      return {
        ok: false,
        error: {
          code: 'conflict',
          message: `Someone else saved revision ${current} meanwhile.`,
          currentRevision: current,
        },
      };
    }
    const next = { config: clone(config) as MlLanesConfig, revision: current + 1 };
    if (projectKey) this.projects.set(projectKey, next);
    else this.site = next;
    return { ok: true, data: this.view(projectKey) };
  }

  handle = ({ functionKey, payload }: InvokeRequest): ResolverResult<unknown> => {
    const override = this.override.get(functionKey);
    if (override) {
      this.override.delete(functionKey);
      return override(payload);
    }
    const projectKey = payload.projectKey as string | undefined;
    switch (functionKey) {
      case 'getConfig':
        return { ok: true, data: this.view(projectKey) };
      case 'siteCatalog':
        return { ok: true, data: CATALOG };
      case 'listBoards':
        return { ok: true, data: BOARDS };
      case 'listRevisions':
        return { ok: true, data: projectKey ? [] : this.revisions() };
      case 'saveConfig':
        return this.write(payload, payload.config);
      case 'restoreRevision':
        return this.write(payload, this.site.config);
      case 'importConfig':
        return this.write(payload, JSON.parse(payload.text as string));
      case 'resetProjectConfig':
        this.projects.delete(projectKey ?? '');
        return { ok: true, data: this.view(projectKey) };
      case 'previewConfig':
        return { ok: true, data: PREVIEW };
      default:
        return { ok: false, error: { code: 'internal', message: `unexpected ${functionKey}` } };
    }
  };
}
