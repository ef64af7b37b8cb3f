/**
 * The issue panel's resolvers over real HTTP: the issue's lane and handoffs, ticking the Definition of Done as
 * the user (Jira's edit permission decides), concurrent ticks, the lane override, and the Done-transition gate.
 */
import { defaultConfig } from '../../src/config/defaults';
import type { MlLanesConfig } from '../../src/config/schema';
import { createDoneGate } from '../../src/forge/done-gate';
import { createBasicAuthSeam } from '../../src/jira/fetch-seam';
import { installForgeRuntime } from '../../src/playground/forge-runtime';
import { ConfigRepository } from '../../src/storage/config-repository';
import { MemoryStore } from '../../src/storage/key-value-store';
import { CV_BOARD_ID, CV_SPRINTS, demoSite } from '../../src/simulator';
import { appOn, authorization, ok, useSimulator } from './support/harness';

const EDITOR = { email: 'ada@example.com', apiToken: 'editor-token' };
const VIEWER = {
  accountId: 'viewer-1',
  displayName: 'Vic Viewer',
  emailAddress: 'vic@example.com',
  timeZone: 'UTC',
  admin: false,
  editIssues: false,
  apiToken: 'viewer-token',
};

// Tests write to Jira (ticks, overrides): each gets its own.
const simulator = useSimulator(
  { workspace: { ...demoSite(), credentials: EDITOR, otherUsers: [VIEWER] } },
  { fresh: true },
);

function setup() {
  // A loaded CI machine may take far longer than Forge would; the lock waits within this budget.
  const { configs, as } = appOn(simulator(), { timeBudgetMs: 120_000 });
  return {
    configs,
    editor: as(EDITOR),
    viewer: as({ email: VIEWER.emailAddress, apiToken: VIEWER.apiToken }),
  };
}

const onIssue = (key: string) => ({ context: { accountId: 'user-1', extension: { issue: { key } } } });

describe('reading an issue', () => {
  it('shows its lane and rule, what it waits on and what waits on it, and its checklist', async () => {
    const { editor } = setup();
    const view = ok(await editor.getIssuePanel({ payload: {}, ...onIssue('CV-101') }));
    expect(view).toMatchObject({ key: 'CV-101', lane: 'data', override: null, canEdit: true });
    expect(view.upstream).toEqual([
      expect.objectContaining({ key: 'CV-104', lane: 'code', blocked: true, reasons: ['upstream-not-done'] }),
    ]);
    expect(view.downstream.map((handoff) => handoff.key)).toContain('CV-105');
    const iaa = view.dod.items.find((item) => item.id === 'iaa');
    expect(iaa).toMatchObject({ met: false, detail: 'Inter-annotator agreement 0.97 — needs ≥ 0.98' });
  });

  it('names an issue that does not exist', async () => {
    const { editor } = setup();
    expect(await editor.getIssuePanel({ payload: { issueKey: 'CV-9999' } })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'Issue CV-9999 not found (or you cannot see it)' },
    });
  });
});

describe('ticking the Definition of Done', () => {
  it('ticks a manual item as the user, keeps who and when, and writes the summary JQL searches', async () => {
    const { editor } = setup();
    const view = ok(
      await editor.setDodItem({ payload: { itemId: 'reviewed', checked: true }, ...onIssue('CV-113') }),
    );
    expect(view.dod.items[0]).toMatchObject({ id: 'reviewed', met: true, checkedBy: 'user-1' });
    const stored = await storedDod('CV-113');
    expect(stored).toMatchObject({
      checked: { reviewed: true },
      met: 1,
      total: 1,
      complete: 'yes',
      lane: 'code',
    });
    expect(JSON.stringify(stored).length).toBeLessThan(32 * 1024);
  });

  it('refuses someone Jira does not let edit the issue, and changes nothing', async () => {
    const { viewer } = setup();
    const view = ok(await viewer.getIssuePanel({ payload: {}, ...onIssue('CV-113') }));
    expect(view.canEdit).toBe(false);
    const result = await viewer.setDodItem({
      payload: { itemId: 'reviewed', checked: true },
      ...onIssue('CV-113'),
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message: 'You cannot edit CV-113, so you cannot change its ML Lanes checklist or lane.',
      },
    });
  });

  it('will not tick an automatic item: its field decides', async () => {
    const { editor } = setup();
    const result = await editor.setDodItem({
      payload: { itemId: 'iaa', checked: true },
      ...onIssue('CV-101'),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('loses none of 50 ticks fired at the same moment', async () => {
    const { editor, configs } = setup();
    const config: MlLanesConfig = defaultConfig();
    config.dod.code = {
      enforce: false,
      items: Array.from({ length: 50 }, (_, i) => ({
        id: `check-${i}`,
        label: `Check ${i}`,
        kind: 'manual' as const,
      })),
    };
    await configs.save({}, config, 0, 'admin');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        editor.setDodItem({ payload: { itemId: `check-${i}`, checked: true }, ...onIssue('CV-121') }),
      ),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    const view = ok(await editor.getIssuePanel({ payload: {}, ...onIssue('CV-121') }));
    expect(view.dod).toMatchObject({ met: 50, total: 50 });
  });
});

describe('ticks stay on their own issue', () => {
  it('never shows or stores a tick made on one issue on another issue of the same lane', async () => {
    const { editor, configs } = setup();
    const config = defaultConfig();
    config.dod.code!.enforce = true;
    await configs.save({}, config, 0, 'admin');
    const plan = ok(
      await editor.getPlan({
        payload: {},
        context: { extension: { board: { id: CV_BOARD_ID }, sprint: { id: CV_SPRINTS.active } } },
      }),
    );
    const codeIssues = plan.issues.filter(
      (issue) => issue.lane === 'code' && issue.inScope && issue.dodMet === 0,
    );
    const [ticked, untouched] = codeIssues.map((issue) => issue.key);
    if (!ticked || !untouched) throw new Error('the demo sprint needs two unticked code issues');

    ok(await editor.setDodItem({ payload: { itemId: 'reviewed', checked: true }, ...onIssue(ticked) }));

    const gateBefore = ok(await editor.checkDoneTransition({ payload: {}, ...onIssue(untouched) }));
    const before = ok(await editor.getIssuePanel({ payload: {}, ...onIssue(untouched) }));
    expect(before.dod.items[0]).toMatchObject({ id: 'reviewed', met: false, checkedBy: null });
    const overridden = ok(await editor.setLaneOverride({ payload: { lane: 'code' }, ...onIssue(untouched) }));
    expect(overridden.dod.items[0]).toMatchObject({ id: 'reviewed', met: false, checkedBy: null });
    const after = ok(await editor.getIssuePanel({ payload: {}, ...onIssue(untouched) }));
    expect(after.dod).toMatchObject({ met: 0, total: 1 });
    expect(after.dod.items[0]).toMatchObject({ met: false, checkedBy: null, checkedAt: null });
    const gateAfter = ok(await editor.checkDoneTransition({ payload: {}, ...onIssue(untouched) }));
    expect(gateBefore.allowed).toBe(false);
    expect(gateAfter).toEqual(gateBefore);
    expect(await storedDod(untouched)).toMatchObject({ checked: {}, ticks: {}, met: 0, complete: 'no' });
  });

  it('keeps the good ticks of a property someone damaged by hand, and drops only the bad entries', async () => {
    const { editor } = setup();
    // As text: in an object literal `__proto__` would set the prototype rather than be a key.
    await putDod(
      'CV-113',
      '{"checked": {"reviewed": true, "Not An Id": true, "other": "yes", "__proto__": true},' +
        ' "ticks": {"reviewed": {"by": "user-9", "at": "2026-11-20T10:00:00.000Z"}, "other": "garbage"}}',
    );
    const view = ok(await editor.getIssuePanel({ payload: {}, ...onIssue('CV-113') }));
    expect(view.dod.items[0]).toMatchObject({ id: 'reviewed', met: true, checkedBy: 'user-9' });
    ok(await editor.setLaneOverride({ payload: { lane: null }, ...onIssue('CV-113') }));
    expect(await storedDod('CV-113')).toMatchObject({
      checked: { reviewed: true },
      ticks: { reviewed: { by: 'user-9' } },
      met: 1,
    });
    expect(Object.keys(((await storedDod('CV-113')) as { checked: object }).checked)).toEqual(['reviewed']);
  });
});

async function storedDod(key: string): Promise<unknown> {
  const response = await fetch(`${simulator().url}/rest/api/3/issue/${key}/properties/ml-lanes-dod`, {
    headers: authorization(EDITOR),
  });
  return ((await response.json()) as { value: unknown }).value;
}

/** Writes the property as any editor could, through Jira's REST API rather than the app. */
async function putDod(key: string, json: string): Promise<void> {
  const response = await fetch(`${simulator().url}/rest/api/3/issue/${key}/properties/ml-lanes-dod`, {
    method: 'PUT',
    headers: { ...authorization(EDITOR), 'Content-Type': 'application/json' },
    body: json,
  });
  if (!response.ok) throw new Error(`PUT ${key} answered ${response.status}`);
}

describe('the lane override', () => {
  it('puts the issue in the chosen lane as "manual override", in the panel and the sprint plan', async () => {
    const { editor } = setup();
    const view = ok(await editor.setLaneOverride({ payload: { lane: 'test' }, ...onIssue('CV-110') }));
    expect(view).toMatchObject({ lane: 'test', laneRule: 'manual override', override: 'test' });
    const plan = ok(
      await editor.getPlan({
        payload: {},
        context: { extension: { board: { id: CV_BOARD_ID }, sprint: { id: CV_SPRINTS.active } } },
      }),
    );
    expect(plan.issues.find((issue) => issue.key === 'CV-110')).toMatchObject({
      lane: 'test',
      laneRule: 'manual override',
    });
    // What JQL searches follows the new lane at once.
    expect(await storedDod('CV-110')).toMatchObject({ lane: 'test', total: 1, complete: 'no' });
    const back = ok(await editor.setLaneOverride({ payload: { lane: null }, ...onIssue('CV-110') }));
    expect(back).toMatchObject({ lane: null, override: null });
  });

  it('tells someone who cannot see the issue nothing, not even which lanes exist', async () => {
    const { editor } = setup();
    // CV-140 exists but this user may not browse it.
    const result = await editor.setLaneOverride({ payload: { lane: 'nope' }, ...onIssue('CV-140') });
    expect(result).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'Issue CV-140 not found (or you cannot see it)' },
    });
  });

  it('refuses a lane that does not exist', async () => {
    const { editor } = setup();
    expect(await editor.setLaneOverride({ payload: { lane: 'nope' }, ...onIssue('CV-110') })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: 'There is no lane "nope".' },
    });
  });
});

describe('reading before writing', () => {
  /** What reading an issue costs: the site's field list and the issues themselves. */
  const issueReads = () => {
    const byRoute = simulator().stats().byRoute;
    return {
      fieldLists: byRoute['GET /rest/api/3/field'] ?? 0,
      issueFetches: byRoute['POST /rest/api/3/issue/bulkfetch'] ?? 0,
    };
  };

  it.each([
    ['overriding the lane', { setLaneOverride: { lane: 'test' } }],
    ['ticking an item', { setDodItem: { itemId: 'iaa-reviewed', checked: true } }],
  ] as const)('reads the issue from Jira once when %s, not again after writing', async (_, write) => {
    const { editor, configs } = setup();
    const config = defaultConfig();
    config.dod.data!.items.push({ id: 'iaa-reviewed', label: 'IAA reviewed', kind: 'manual' });
    await configs.save({}, config, 0, 'admin');
    simulator().resetStats();
    ok(await editor.getIssuePanel({ payload: {}, ...onIssue('CV-101') }));
    const showing = issueReads();
    expect(showing.issueFetches).toBe(2); // the issue, then its neighbours

    simulator().resetStats();
    const view =
      'setLaneOverride' in write
        ? ok(await editor.setLaneOverride({ payload: write.setLaneOverride, ...onIssue('CV-101') }))
        : ok(await editor.setDodItem({ payload: write.setDodItem, ...onIssue('CV-101') }));
    expect(issueReads()).toEqual(showing);
    // Planned from that one read, the answer still shows the change and the neighbours.
    expect(view.upstream.map((handoff) => handoff.key)).toEqual(['CV-104']);
    if ('setLaneOverride' in write) expect(view).toMatchObject({ lane: 'test', override: 'test' });
    else expect(view.dod.items.find((item) => item.id === 'iaa-reviewed')).toMatchObject({ met: true });
  });
});

describe('the Done-transition gate', () => {
  const enforcing = () => {
    const config = defaultConfig();
    config.dod.data!.enforce = true;
    return config;
  };

  it('refuses Done while an enforced lane has unmet items, listing them', async () => {
    const { editor, configs } = setup();
    await configs.save({}, enforcing(), 0, 'admin');
    const check = ok(await editor.checkDoneTransition({ payload: {}, ...onIssue('CV-101') }));
    expect(check.allowed).toBe(false);
    expect(check.message).toMatch(/^CV-101 cannot be Done yet: the Data Definition of Done is not met: /);
    expect(check.unmet).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Inter-annotator agreement ≥ 98%/)]),
    );
  });

  it('never blocks a lane without enforcement, or an issue without a lane', async () => {
    const { editor, configs } = setup();
    await configs.save({}, enforcing(), 0, 'admin');
    expect(ok(await editor.checkDoneTransition({ payload: {}, ...onIssue('CV-105') })).allowed).toBe(true);
    expect(ok(await editor.checkDoneTransition({ payload: {}, ...onIssue('CV-110') })).allowed).toBe(true);
  });

  it('answers Jira as a Forge function validator, reading as the app', async () => {
    const configs = new ConfigRepository(new MemoryStore());
    await configs.save({}, enforcing(), 0, 'admin');
    installForgeRuntime({ jiraUrl: simulator().url, ...EDITOR });
    const validate = createDoneGate(configs);
    expect(await validate({ issue: { key: 'CV-101' } })).toEqual({
      result: false,
      errorMessage: expect.stringMatching(/Data Definition of Done is not met/),
    });
    expect(await validate({ issue: { key: 'CV-105' } })).toEqual({ result: true });
  });

  it('lets the transition through when it cannot decide, rather than stopping the workflow', async () => {
    const configs = new ConfigRepository(new MemoryStore());
    await configs.save({}, enforcing(), 0, 'admin');
    const unreachable = () => createBasicAuthSeam({ site: 'http://127.0.0.1:9', ...EDITOR });
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await createDoneGate(configs, unreachable)({ issue: { key: 'CV-101' } })).toEqual({
      result: true,
    });
    expect(quiet).toHaveBeenCalled();
    quiet.mockRestore();
  });

  it('asks Jira nothing when no lane enforces its Definition of Done', async () => {
    const configs = new ConfigRepository(new MemoryStore());
    let calls = 0;
    const counting = () => {
      const seam = createBasicAuthSeam({ site: simulator().url, ...EDITOR });
      return ((...args: Parameters<typeof seam>) => {
        calls += 1;
        return seam(...args);
      }) as typeof seam;
    };
    expect(await createDoneGate(configs, counting)({ issue: { key: 'CV-101' } })).toEqual({ result: true });
    expect(calls).toBe(0);
  });
});
