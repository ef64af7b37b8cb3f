/**
 * The admin page's resolvers over real HTTP: who may change the configuration (Jira admins, asked of Jira),
 * validation, conflicts, history and restore, fallback from a damaged document, migration, preview, overrides.
 */
import { defaultConfig } from '../../src/config/defaults';
import type { MlLanesConfig } from '../../src/config/schema';
import { HISTORY_LIMIT } from '../../src/storage/config-repository';
import { CV_BOARD_ID, CV_SPRINTS, demoSite } from '../../src/simulator';
import { appOn, ok, useSimulator } from './support/harness';

const ADMIN = { email: 'ada@example.com', apiToken: 'admin-token' };
const MEMBER = {
  accountId: 'member-1',
  displayName: 'Sam Rivera',
  emailAddress: 'sam@example.com',
  timeZone: 'UTC',
  admin: false,
  apiToken: 'member-token',
};

const simulator = useSimulator({
  workspace: { ...demoSite(), credentials: ADMIN, otherUsers: [MEMBER] },
});

function setup() {
  const { store, configs, as } = appOn(simulator());
  return {
    store,
    configs,
    admin: as(ADMIN),
    member: as({ email: MEMBER.emailAddress, apiToken: MEMBER.apiToken }),
  };
}

const adminContext = { context: { accountId: 'admin-1' } };

function withResearchLane(): MlLanesConfig {
  const config = defaultConfig();
  config.lanes.push({ id: 'research', name: 'Research' });
  config.rules.unshift({
    kind: 'conditions',
    lane: 'research',
    match: 'all',
    conditions: [{ op: 'keywords', field: 'summary', keywords: ['spike'] }],
  });
  return config;
}

describe('who may change the configuration', () => {
  it('lets everyone read it, and says whether they may edit', async () => {
    const { admin, member } = setup();
    expect(ok(await admin.getConfig({ payload: {} }))).toMatchObject({
      canEdit: true,
      revision: 0,
      source: 'defaults',
    });
    expect(ok(await member.getConfig({ payload: {} }))).toMatchObject({ canEdit: false, revision: 0 });
  });

  it.each(['saveConfig', 'importConfig', 'restoreRevision'] as const)(
    'refuses %s from a non-admin calling the resolver directly, and changes nothing',
    async (key) => {
      const { member, store } = setup();
      const payloads = {
        saveConfig: { config: withResearchLane(), baseRevision: 0 },
        importConfig: { text: JSON.stringify(withResearchLane()), baseRevision: 0 },
        restoreRevision: { revision: 1, baseRevision: 0 },
      };
      const result = await member[key]({ payload: payloads[key], context: { accountId: MEMBER.accountId } });
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'forbidden',
          message: 'Only Jira administrators can change the ML Lanes configuration.',
        },
      });
      expect(await store.keys('')).toEqual([]);
    },
  );

  it('shows the save history to admins only', async () => {
    const { member } = setup();
    expect(await member.listRevisions({ payload: {} })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('answers nothing about a project Jira does not show the caller', async () => {
    const { admin } = setup();
    const result = await admin.getConfig({ payload: { projectKey: 'HR' } });
    expect(result).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'Project HR not found (or you cannot see it)' },
    });
  });

  it('refuses a project reset from a non-admin', async () => {
    const { member } = setup();
    const result = await member.resetProjectConfig({ payload: { projectKey: 'CV', baseRevision: 0 } });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('saving', () => {
  it('saves a valid document as a new revision that the planning panel then uses', async () => {
    const { admin } = setup();
    const saved = ok(
      await admin.saveConfig({ payload: { config: withResearchLane(), baseRevision: 0 }, ...adminContext }),
    );
    expect(saved).toMatchObject({ revision: 1, source: 'saved', savedBy: 'admin-1' });
    const plan = ok(
      await admin.getPlan({
        payload: {},
        context: { extension: { board: { id: CV_BOARD_ID }, sprint: { id: CV_SPRINTS.active } } },
      }),
    );
    expect(plan.lanes.map((lane) => lane.id)).toContain('research');
    expect(plan.issues.find((issue) => issue.summary.startsWith('Spike:'))?.lane).toBe('research');
  });

  it('saves nothing while the document has problems, and lists each by path', async () => {
    const { admin, store } = setup();
    const config = withResearchLane() as unknown as { lanes: { id: string }[]; rules: unknown[] };
    config.lanes[1]!.id = 'Model!';
    config.rules[0] = {
      kind: 'conditions',
      lane: 'research',
      match: 'all',
      conditions: [{ op: 'regex', field: 'summary', pattern: 'retrain(' }],
    };
    const result = await admin.saveConfig({ payload: { config, baseRevision: 0 } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-config' } });
    if (result.ok || result.error.code !== 'invalid-config') return;
    expect(result.error.problems.map((problem) => problem.path)).toEqual(
      expect.arrayContaining(['lanes[1].id', 'rules[0].conditions[0].pattern']),
    );
    expect(await store.keys('')).toEqual([]);
  });

  it('names a field the site does not have, at its path, and saves nothing', async () => {
    const { admin, store } = setup();
    const config = withResearchLane();
    config.dod.model!.items.push({
      id: 'f1',
      label: 'F1 score recorded',
      kind: 'auto',
      field: 'F1 score',
      rule: { op: 'not-empty' },
    });
    config.rules.unshift({
      kind: 'conditions',
      lane: 'model',
      match: 'all',
      conditions: [{ op: 'is-set', field: 'customField', fieldId: 'customfield_99999' }],
    });
    const result = await admin.saveConfig({ payload: { config, baseRevision: 0 } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-config' } });
    if (result.ok || result.error.code !== 'invalid-config') return;
    expect(result.error.problems).toEqual([
      { path: 'dod.model.items[2].field', message: 'no field "F1 score" on this site' },
      { path: 'rules[0].conditions[0].fieldId', message: 'no field "customfield_99999" on this site' },
    ]);
    expect(await store.keys('')).toEqual([]);
  });

  it('gives the second of two admins saving at once a conflict, never a silent overwrite', async () => {
    const { admin } = setup();
    const first = withResearchLane();
    const second = defaultConfig();
    second.lanes[0]!.name = 'Datasets';
    ok(await admin.saveConfig({ payload: { config: first, baseRevision: 0 } }));
    const late = await admin.saveConfig({ payload: { config: second, baseRevision: 0 } });
    expect(late).toMatchObject({ ok: false, error: { code: 'conflict', currentRevision: 1 } });
    expect(ok(await admin.getConfig({ payload: {} })).config.lanes.map((lane) => lane.name)).toContain(
      'Research',
    );
  });

  it('lets only one of two saves from the same revision through, even at the same instant', async () => {
    const { admin } = setup();
    const renamed = (name: string) => {
      const config = defaultConfig();
      config.lanes[0]!.name = name;
      return config;
    };
    const results = await Promise.all([
      admin.saveConfig({ payload: { config: renamed('First'), baseRevision: 0 } }),
      admin.saveConfig({ payload: { config: renamed('Second'), baseRevision: 0 } }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toMatchObject([
      { error: { code: 'conflict', currentRevision: 1 } },
    ]);
  });

  it('imports an exported file, migrating one written by ML Lanes 1', async () => {
    const { admin } = setup();
    const v1 = {
      ...defaultConfig(),
      version: 1,
      rules: [{ kind: 'issue-type', lane: 'data', issueTypes: ['Labeling'] }],
    };
    const saved = ok(await admin.importConfig({ payload: { text: JSON.stringify(v1), baseRevision: 0 } }));
    expect(saved.config.version).toBe(2);
    expect(saved.config.rules[0]).toMatchObject({ kind: 'conditions', lane: 'data' });
  });

  it('rejects an import that is not JSON, naming the problem', async () => {
    const { admin } = setup();
    const result = await admin.importConfig({
      payload: { text: '{"version": 2, "lanes": [', baseRevision: 0 },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-config', problems: [{ path: '(root)' }] },
    });
  });
});

describe('history', () => {
  it(`keeps the last ${HISTORY_LIMIT} revisions, and restores one as a new revision`, async () => {
    const { admin } = setup();
    for (let revision = 0; revision < HISTORY_LIMIT + 3; revision += 1) {
      const config = defaultConfig();
      config.lanes[0]!.name = `Data v${revision + 1}`;
      ok(await admin.saveConfig({ payload: { config, baseRevision: revision } }));
    }
    const revisions = ok(await admin.listRevisions({ payload: {} }));
    expect(revisions.map((entry) => entry.revision)).toEqual(
      Array.from({ length: HISTORY_LIMIT }, (_, i) => HISTORY_LIMIT + 3 - i),
    );
    const restored = ok(
      await admin.restoreRevision({ payload: { revision: 5, baseRevision: HISTORY_LIMIT + 3 } }),
    );
    expect(restored.revision).toBe(HISTORY_LIMIT + 4);
    expect(restored.config.lanes[0]?.name).toBe('Data v5');
    const gone = await admin.restoreRevision({ payload: { revision: 1, baseRevision: HISTORY_LIMIT + 4 } });
    expect(gone).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('falls back to the last valid revision when the stored document is damaged, and tells admins only', async () => {
    const { admin, member, store } = setup();
    ok(await admin.saveConfig({ payload: { config: withResearchLane(), baseRevision: 0 } }));
    ok(await admin.saveConfig({ payload: { config: defaultConfig(), baseRevision: 1 } }));
    const current = (await store.get('config:site')) as { document: { lanes: unknown } };
    current.document.lanes = 'not a list';
    await store.set('config:site', current);

    const seenByAdmin = ok(await admin.getConfig({ payload: {} }));
    expect(seenByAdmin.config.lanes.map((lane) => lane.id)).toContain('research');
    expect(seenByAdmin.revision).toBe(2);
    expect(seenByAdmin.fallback).toMatchObject({
      revision: 1,
      reason: expect.stringMatching(/revision 2 cannot be used: lanes/),
    });
    expect(ok(await member.getConfig({ payload: {} })).fallback).toBeNull();
    // Planning goes on with the fallback.
    const plan = await admin.getPlan({ payload: {}, context: { extension: { board: { id: CV_BOARD_ID } } } });
    expect(plan.ok).toBe(true);
  });

  it('migrates a stored document from ML Lanes 1 on load', async () => {
    const { admin, store } = setup();
    await store.set('config:site', {
      revision: 4,
      savedAt: '2026-10-01T10:00:00.000Z',
      savedBy: 'someone',
      document: {
        ...defaultConfig(),
        version: 1,
        rules: [{ kind: 'issue-type', lane: 'test', issueTypes: ['QA'] }],
      },
    });
    const loaded = ok(await admin.getConfig({ payload: {} }));
    expect(loaded).toMatchObject({ revision: 4, migratedFrom: 1, fallback: null });
    expect(loaded.config.rules[0]).toMatchObject({ kind: 'conditions', lane: 'test' });
  });
});

describe('project overrides', () => {
  it('lets a project override the site configuration, and reset to it', async () => {
    const { admin } = setup();
    ok(
      await admin.saveConfig({ payload: { projectKey: 'CV', config: withResearchLane(), baseRevision: 0 } }),
    );
    expect(ok(await admin.getConfig({ payload: { projectKey: 'CV' } }))).toMatchObject({
      source: 'saved',
      revision: 1,
    });
    expect(ok(await admin.getConfig({ payload: { projectKey: 'REC' } }))).toMatchObject({
      source: 'defaults',
    });
    const cvPlan = ok(
      await admin.getPlan({
        payload: {},
        context: { extension: { board: { id: CV_BOARD_ID }, project: { key: 'CV' } } },
      }),
    );
    expect(cvPlan.lanes.map((lane) => lane.id)).toContain('research');
    const reset = ok(
      await admin.resetProjectConfig({ payload: { projectKey: 'CV', baseRevision: 1 }, ...adminContext }),
    );
    expect(reset).toMatchObject({ source: 'defaults', scope: { projectKey: 'CV' } });
    // The reset is a revision of its own in the history, with who did it.
    const history = ok(await admin.listRevisions({ payload: { projectKey: 'CV' } }));
    expect(history[0]).toMatchObject({ revision: reset.revision, savedBy: 'admin-1' });
    // Editing goes on from the reset: the revision shown is the one a save must start from.
    const again = ok(
      await admin.saveConfig({
        payload: { projectKey: 'CV', config: withResearchLane(), baseRevision: reset.revision },
      }),
    );
    expect(again).toMatchObject({ source: 'saved', revision: reset.revision + 1 });
  });
});

describe('preview', () => {
  it('shows, for a sprint, each issue now and after the change, and how many move', async () => {
    const { admin } = setup();
    const preview = ok(
      await admin.previewConfig({
        payload: { config: withResearchLane(), boardId: CV_BOARD_ID, sprintId: CV_SPRINTS.active },
      }),
    );
    expect(preview.scopeDescription).toMatch(/CV Sprint 14/);
    const spike = preview.rows.find((row) => row.summary.startsWith('Spike:'));
    expect(spike).toMatchObject({ laneBefore: 'model', laneAfter: 'research' });
    expect(preview.moved).toBe(preview.rows.filter((row) => row.laneBefore !== row.laneAfter).length);
    expect(preview.moved).toBeGreaterThan(0);
    expect(preview.countsAfter.research).toBe(preview.moved);
  });

  it('previews a JQL query too', async () => {
    const { admin } = setup();
    const preview = ok(
      await admin.previewConfig({ payload: { config: withResearchLane(), jql: 'project = REC' } }),
    );
    expect(preview.rows.length).toBeGreaterThan(5);
    expect(preview.rows.every((row) => row.key.startsWith('REC-'))).toBe(true);
  });

  it('is for Jira admins only: a member asking directly is refused before Jira is read', async () => {
    const { member } = setup();
    const result = await member.previewConfig({
      payload: { config: withResearchLane(), boardId: CV_BOARD_ID, sprintId: CV_SPRINTS.active },
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message: 'Only Jira administrators can change the ML Lanes configuration.',
      },
    });
  });

  it("answers JQL Jira cannot parse as a bad request, with Jira's own message", async () => {
    const { admin } = setup();
    const result = await admin.previewConfig({
      payload: { config: withResearchLane(), jql: 'project = = REC' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    if (result.ok) return;
    expect(result.error.message).toBe(
      "Jira did not accept the query: Error in the JQL Query: Expecting a value but got '='.",
    );
  });

  it('reports the problems of the edited document instead of previewing it', async () => {
    const { admin } = setup();
    const config = { ...defaultConfig(), lanes: [] };
    const result = await admin.previewConfig({ payload: { config, boardId: CV_BOARD_ID } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-config' } });
    if (result.ok || result.error.code !== 'invalid-config') return;
    expect(result.error.problems).toEqual(
      expect.arrayContaining([
        { path: 'lanes', message: 'configure at least one lane' },
        { path: 'rules[1].lane', message: 'no lane "data"' },
      ]),
    );
  });
});

describe('site catalog', () => {
  it("offers the site's own issue types, fields, projects, components, labels and link types", async () => {
    const { admin } = setup();
    const catalog = ok(await admin.siteCatalog({ payload: { projectKey: 'CV' } }));
    expect(catalog.issueTypes).toContain('Story');
    expect(catalog.fields.map((field) => field.name)).toContain('Inter-annotator agreement');
    expect(catalog.projects.map((project) => project.key)).toEqual(expect.arrayContaining(['CV', 'REC']));
    expect(catalog.components).toContain('Labeling');
    expect(catalog.labels).toContain('labeling');
    expect(catalog.linkTypes.map((type) => type.name)).toContain('Blocks');
  });
});

describe('live validation', () => {
  it('lists what a save would refuse, by path, without saving: schema problems, then fields the site lacks', async () => {
    const { member, store } = setup();
    expect(ok(await member.validateConfig({ payload: { config: defaultConfig() } }))).toEqual([]);
    const broken = { ...defaultConfig(), lanes: [] };
    expect(ok(await member.validateConfig({ payload: { config: broken } }))).toEqual(
      expect.arrayContaining([{ path: 'lanes', message: 'configure at least one lane' }]),
    );
    const unknownField = defaultConfig();
    unknownField.dod.model!.items.push({
      id: 'f1',
      label: 'F1 ≥ 0.8',
      kind: 'auto',
      field: 'F1 score',
      rule: { op: 'gte', value: 0.8 },
    });
    expect(ok(await member.validateConfig({ payload: { config: unknownField } }))).toEqual([
      { path: 'dod.model.items[2].field', message: 'no field "F1 score" on this site' },
    ]);
    expect(await store.keys('')).toEqual([]);
  });
});
