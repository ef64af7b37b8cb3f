/**
 * The ML Lanes server for the admin page's UI tests: the real admin resolvers (src/resolvers) over the real
 * ConfigRepository on a MemoryStore, so revisions, conflicts, validation and history follow the real rules.
 * Only what needs Jira is made up: whether the caller is a Jira admin, the site's fields and projects (a fake
 * Jira answering the few requests those resolvers send), and the site catalog, boards and preview rows (canned).
 */
import { TextEncoder as NodeTextEncoder } from 'node:util';
import type { ResolverResult } from '../../../src/contract/envelope';
import type { ConfigPreview, SiteCatalog } from '../../../src/contract/admin-api';
import type { BoardSetupView, ReindexResult } from '../../../src/contract/board-setup-api';
import { boardSetup } from '../../../src/domain/board-setup';
import type { BoardChoice, PanelContext } from '../../../src/contract/resolver-api';
import { defaultConfig } from '../../../src/config/defaults';
import type { MlLanesConfig } from '../../../src/config/schema';
import type { JiraRequest, JiraResponse } from '../../../src/jira/seam';
import { createResolverFunctions, type ResolverFunctions } from '../../../src/resolvers';
import { ConfigRepository } from '../../../src/storage/config-repository';
import { MemoryStore } from '../../../src/storage/key-value-store';
import type { InvokeRequest } from './fake-bridge';

// The repository measures documents with TextEncoder, which Node has and jsdom does not.
globalThis.TextEncoder ??= NodeTextEncoder;

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

/** The site's fields as Jira lists them: every field the defaults' Definition of Done reads, and two more. */
export const SITE_FIELDS = [
  { id: 'summary', name: 'Summary', custom: false },
  { id: 'labels', name: 'Labels', custom: false },
  { id: 'customfield_10040', name: 'Inter-annotator agreement', custom: true },
  { id: 'customfield_10041', name: 'Labeling accuracy', custom: true },
  { id: 'customfield_10042', name: 'Model accuracy', custom: true },
  { id: 'customfield_10043', name: 'Experiment URL', custom: true },
  { id: 'customfield_10044', name: 'Dataset version', custom: true },
];

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

/** The CV board's setup as the resolver answers it: every query valid, every field on the site. */
export function boardSetupView(): BoardSetupView {
  const setup = boardSetup(adminConfig().lanes);
  const valid = { status: 'valid' as const, warnings: [] };
  return {
    board: { id: 1, name: 'CV board', type: 'scrum', projectKey: 'CV' },
    lanesFrom: 'the site configuration',
    swimlanes: setup.swimlanes.map((query) => ({ ...query, verdict: valid })),
    quickFilters: setup.quickFilters.map((query) => ({ ...query, verdict: valid })),
    cardColours: setup.cardColours.map((query) => ({ ...query, verdict: valid })),
    cardFields: setup.cardFields.map((field, at) => ({
      ...field,
      state: 'present' as const,
      fieldId: `customfield_1095${at}`,
    })),
    jqlProblem: null,
    fieldProblems: [],
    index: {
      lastFullReindexAt: '2026-11-20T06:00:00.000Z',
      issuesIndexed: 412,
      eventsProcessed: 1280,
      lastRunAt: '2026-11-20T09:15:00.000Z',
      lastErrors: [],
    },
    canReindex: true,
  };
}

export const REINDEX: ReindexResult = {
  issuesQueued: 27,
  jobs: 1,
  complete: true,
  index: {
    lastFullReindexAt: '2026-11-21T10:00:00.000Z',
    issuesIndexed: 412,
    eventsProcessed: 1280,
    lastRunAt: '2026-11-20T09:15:00.000Z',
    lastErrors: [],
  },
};

/** The people who saved the seeded revisions (account ids that read as names, so tests can look for them). */
export const PRIYA = 'Priya Raman';
export const TOMAS = 'Tomás Ortega';
/** The site's revision when a test starts. */
export const SEEDED_REVISION = 7;

/** An invocation the test holds back, to answer it later (late answers, work in progress). */
export interface HeldCall {
  payload: Record<string, unknown>;
  release(): void;
  /** Settles once the answer has been handed back to the page's bridge. */
  answered: Promise<void>;
}

function answer(status: number, body: unknown): JiraResponse {
  const text = JSON.stringify(body);
  return { status, ok: status >= 200 && status < 300, headers: { get: () => null }, text: async () => text };
}

export class FakeAdminServer {
  readonly store = new MemoryStore();
  /** One day later for every save, from 10 November 2026. */
  private day = 10;
  readonly configs = new ConfigRepository(this.store, () => new Date(Date.UTC(2026, 10, this.day++, 10)));
  /** Whether Jira says the caller holds the ADMINISTER permission. */
  admin = true;
  /** Jira answers every request with 503 (after the client's retries, the resolvers say Jira is unavailable). */
  jiraDown = false;
  /** Who the resolvers are told is calling (saves record it). */
  accountId = 'Ada Okafor';
  preview: ConfigPreview = PREVIEW;
  boardSetup: BoardSetupView = boardSetupView();
  /** Invocations of these resolvers wait until the test releases them. */
  readonly held = new Map<string, HeldCall[]>();
  private readonly resolvers: ResolverFunctions;

  private constructor() {
    this.resolvers = createResolverFunctions({
      configs: this.configs,
      jiraAsUser: () => this.jira,
      // The client's retry waits (503 while Jira is down) pass at once.
      sleep: async () => undefined,
    });
  }

  /** A site with revisions 1–7 saved, alternately by Priya and Tomás; revision 7 is {@link adminConfig}. */
  static async start(): Promise<FakeAdminServer> {
    const server = new FakeAdminServer();
    for (let revision = 1; revision <= SEEDED_REVISION; revision++) {
      const config = revision === SEEDED_REVISION ? adminConfig() : defaultConfig();
      await server.configs.save({}, config, revision - 1, revision % 2 ? PRIYA : TOMAS);
    }
    return server;
  }

  /** Saves as someone else would meanwhile (through the repository, so the revision moves on). */
  async saveElsewhere(config: MlLanesConfig, projectKey?: string): Promise<number> {
    const scope = projectKey ? { projectKey } : {};
    const { revision } = await this.configs.load(scope);
    return (await this.configs.save(scope, config, revision, TOMAS)).revision;
  }

  /** Holds every invocation of `functionKey` from now on; the returned list fills as calls arrive. */
  hold(functionKey: string): HeldCall[] {
    const calls: HeldCall[] = [];
    this.held.set(functionKey, calls);
    return calls;
  }

  /** The fake Jira: only the requests the admin resolvers send. */
  private readonly jira: JiraRequest = async (method, path) => {
    if (this.jiraDown) return answer(503, { errorMessages: ['Service unavailable'] });
    const url = new URL(path, 'https://fake.atlassian.net');
    if (method === 'GET' && url.pathname === '/rest/api/3/mypermissions') {
      return answer(200, { permissions: { ADMINISTER: { havePermission: this.admin } } });
    }
    if (method === 'GET' && url.pathname === '/rest/api/3/field') return answer(200, SITE_FIELDS);
    const project = /^\/rest\/api\/3\/project\/([^/]+)$/.exec(url.pathname);
    const known = CATALOG.projects.find((each) => each.key === decodeURIComponent(project?.[1] ?? ''));
    if (method === 'GET' && known) return answer(200, known);
    return answer(404, { errorMessages: [`the fake Jira has no ${method} ${url.pathname}`] });
  };

  handle = async ({ functionKey, payload }: InvokeRequest): Promise<ResolverResult<unknown>> => {
    const held = this.held.get(functionKey);
    if (!held) return this.answer(functionKey, payload);
    let answered = (): void => undefined;
    const sent = new Promise<void>((resolve) => (answered = resolve));
    await new Promise<void>((release) => held.push({ payload, release, answered: sent }));
    const result = await this.answer(functionKey, payload);
    answered();
    return result;
  };

  private answer(
    functionKey: string,
    payload: Record<string, unknown>,
  ): Promise<ResolverResult<unknown>> | ResolverResult<unknown> {
    const request = { payload, context: { accountId: this.accountId } };
    switch (functionKey) {
      case 'getConfig':
      case 'saveConfig':
      case 'importConfig':
      case 'listRevisions':
      case 'restoreRevision':
      case 'resetProjectConfig':
      case 'validateConfig':
        return this.resolvers[functionKey](request);
      case 'siteCatalog':
        return { ok: true, data: CATALOG };
      case 'listBoards':
        return { ok: true, data: BOARDS };
      case 'previewConfig':
        return { ok: true, data: this.preview };
      case 'getBoardSetup':
        return { ok: true, data: this.boardSetup };
      // The admin check is the server's (tested with the resolvers); here it follows `admin`.
      case 'reindexBoardIndex':
        return this.admin
          ? { ok: true, data: REINDEX }
          : {
              ok: false,
              error: { code: 'forbidden', message: 'Only Jira administrators can re-index the board index.' },
            };
      default:
        return { ok: false, error: { code: 'internal', message: `unexpected ${functionKey}` } };
    }
  }
}
