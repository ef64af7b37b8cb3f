/**
 * The admin page's Connections over real HTTP: only Jira admins (asked of Jira) change anything, see the URL or
 * the delivery log; a secret is shown once and never again; a stale save is refused and nothing saved is lost;
 * a bad document is refused with each problem named by its path.
 */
import { defaultConnections, type Connections } from '../../src/config/connections-schema';
import type { ConnectionsAccess } from '../../src/app/connections-admin';
import { demoSite } from '../../src/simulator';
import { ConnectionsStore } from '../../src/storage/connections-store';
import { DeliveryLog } from '../../src/storage/delivery-log';
import { MemoryStore } from '../../src/storage/key-value-store';
import { MemorySecretStore, WebhookSecrets } from '../../src/storage/webhook-secrets';
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
const TRIGGER = 'https://example.hello.atlassian-dev.net/x1/trigger-one';

const simulator = useSimulator({
  workspace: { ...demoSite(), credentials: ADMIN, otherUsers: [MEMBER] },
});

function setup({ fixedUrl = false } = {}) {
  const store = new MemoryStore();
  const secretStore = new MemorySecretStore();
  let url = TRIGGER;
  let replaced = 0;
  const access: ConnectionsAccess = {
    settings: new ConnectionsStore(store),
    secrets: new WebhookSecrets(secretStore),
    log: new DeliveryLog(store),
    webTrigger: {
      current: async () => url,
      ...(fixedUrl
        ? {}
        : {
            replace: async () => {
              replaced += 1;
              url = `https://example.hello.atlassian-dev.net/x1/trigger-${replaced + 1}`;
              return url;
            },
          }),
    },
  };
  const app = appOn(simulator(), { connections: access });
  return {
    store,
    access,
    replaced: () => replaced,
    admin: app.as(ADMIN),
    member: app.as({ email: MEMBER.emailAddress, apiToken: MEMBER.apiToken }),
  };
}

const adminContext = { context: { accountId: 'admin-1' } };
const memberContext = { context: { accountId: MEMBER.accountId } };

function withWandb(): Connections {
  const connections = defaultConnections();
  connections.tools.wandb.enabled = true;
  connections.allowedProjects = ['CV'];
  return connections;
}

describe('who may change the connections', () => {
  const writes = {
    saveConnections: { connections: withWandb(), baseRevision: 0 },
    createSecret: { tool: 'wandb' },
    rotateSecret: { tool: 'wandb' },
    rotateUrl: {},
  } as const;

  it.each(Object.keys(writes) as (keyof typeof writes)[])(
    'refuses %s from a non-admin calling the resolver directly, and changes nothing',
    async (key) => {
      const { member, store, access, replaced } = setup();
      const result = await member[key]({ payload: writes[key], ...memberContext });
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'forbidden',
          message: 'Only Jira administrators can change the ML Lanes connections.',
        },
      });
      expect(await store.keys('')).toEqual([]);
      expect(await access.secrets.status('wandb')).toMatchObject({ configured: false });
      expect(replaced()).toBe(0);
    },
  );

  it('shows the delivery log to admins only', async () => {
    const { admin, member, access } = setup();
    await access.log.record({ tool: 'ci', outcome: 'rejected', reason: 'signature does not match' });
    expect(await member.getDeliveryLog({ payload: {}, ...memberContext })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Only Jira administrators can see the delivery log.' },
    });
    const logs = ok(await admin.getDeliveryLog({ payload: { tool: 'ci' }, ...adminContext }));
    expect(logs).toEqual([
      {
        tool: 'ci',
        entries: [
          { at: expect.any(String), outcome: 'rejected', reason: 'signature does not match', count: 1 },
        ],
      },
    ]);
  });

  it('lets a non-admin read the settings, without the web trigger URL', async () => {
    const { member } = setup();
    const view = ok(await member.getConnections({ payload: {}, ...memberContext }));
    expect(view).toMatchObject({ canEdit: false, canRotateUrl: false, revision: 0 });
    expect(view.tools.map((tool) => tool.url)).toEqual([null, null, null, null, null]);
    expect(view.urlProblem).toBe('Only Jira administrators see the web trigger URL.');
    expect(JSON.stringify(view)).not.toContain('trigger-one');
  });
});

describe('the web trigger URL', () => {
  it('gives admins one route per tool under the web trigger URL', async () => {
    const { admin } = setup();
    const view = ok(await admin.getConnections({ payload: {}, ...adminContext }));
    expect(view.tools.map(({ tool, url }) => [tool, url])).toEqual([
      ['mlflow', `${TRIGGER}/mlflow`],
      ['databricks', `${TRIGGER}/databricks`],
      ['wandb', `${TRIGGER}/wandb`],
      ['labelstudio', `${TRIGGER}/labelstudio`],
      ['ci', `${TRIGGER}/ci`],
    ]);
    expect(view).toMatchObject({ canEdit: true, canRotateUrl: true, urlProblem: null });
  });

  it('replaces a leaked URL: every route moves to the new one', async () => {
    const { admin, replaced } = setup();
    const view = ok(await admin.rotateUrl({ payload: {}, ...adminContext }));
    expect(replaced()).toBe(1);
    expect(view.tools[0]?.url).toBe('https://example.hello.atlassian-dev.net/x1/trigger-2/mlflow');
  });

  it('says so where the URL is fixed (the playground)', async () => {
    const { admin } = setup({ fixedUrl: true });
    expect(ok(await admin.getConnections({ payload: {}, ...adminContext })).canRotateUrl).toBe(false);
    expect(await admin.rotateUrl({ payload: {}, ...adminContext })).toEqual({
      ok: false,
      error: { code: 'bad-request', message: 'This host’s web trigger URL is fixed and cannot be replaced.' },
    });
  });
});

describe('secrets', () => {
  it('shows a new secret once: never in the settings afterwards, only that one is set and since when', async () => {
    const { admin, member, access } = setup();
    const issued = ok(await admin.createSecret({ payload: { tool: 'mlflow' }, ...adminContext }));
    expect(issued.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await access.secrets.secretFor('mlflow')).toBe(issued.secret);

    for (const caller of [admin, member]) {
      const view = ok(await caller.getConnections({ payload: {}, ...adminContext }));
      expect(JSON.stringify(view)).not.toContain(issued.secret);
      expect(view.tools.find((tool) => tool.tool === 'mlflow')?.secret).toEqual({
        configured: true,
        createdAt: issued.createdAt,
      });
    }
  });

  it('refuses a second create (the tool would silently stop working); rotate replaces the secret', async () => {
    const { admin, access } = setup();
    const first = ok(await admin.createSecret({ payload: { tool: 'ci' }, ...adminContext }));
    expect(await admin.createSecret({ payload: { tool: 'ci' }, ...adminContext })).toEqual({
      ok: false,
      error: {
        code: 'bad-request',
        message:
          'CI pipeline already has a secret; rotate it to replace it (the old one then stops working).',
      },
    });
    expect(await access.secrets.secretFor('ci')).toBe(first.secret);
    const second = ok(await admin.rotateSecret({ payload: { tool: 'ci' }, ...adminContext }));
    expect(second.secret).not.toBe(first.secret);
    expect(await access.secrets.secretFor('ci')).toBe(second.secret);
  });

  it('names an unknown tool', async () => {
    const { admin } = setup();
    const result = await admin.createSecret({ payload: { tool: 'jenkins' }, ...adminContext });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(!result.ok && result.error.message).toMatch(/^invalid request: tool: /);
  });
});

describe('saving', () => {
  it('saves a valid document as a new revision, by whom', async () => {
    const { admin } = setup();
    const saved = ok(
      await admin.saveConnections({
        payload: { connections: withWandb(), baseRevision: 0 },
        ...adminContext,
      }),
    );
    expect(saved).toMatchObject({ revision: 1, savedBy: 'admin-1', canEdit: true });
    expect(saved.connections.tools.wandb.enabled).toBe(true);
    expect(ok(await admin.getConnections({ payload: {}, ...adminContext })).revision).toBe(1);
  });

  it('refuses a save from a stale revision, and keeps what the other admin saved', async () => {
    const { admin } = setup();
    ok(
      await admin.saveConnections({
        payload: { connections: withWandb(), baseRevision: 0 },
        ...adminContext,
      }),
    );
    const mine = defaultConnections();
    mine.tools.ci.enabled = true;
    expect(
      await admin.saveConnections({ payload: { connections: mine, baseRevision: 0 }, ...adminContext }),
    ).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message:
          'Someone else saved revision 1 while you were editing. Reload it and apply your changes again.',
        currentRevision: 1,
      },
    });
    const now = ok(await admin.getConnections({ payload: {}, ...adminContext }));
    expect(now.revision).toBe(1);
    expect(now.connections.tools.wandb.enabled).toBe(true);
    expect(now.connections.tools.ci.enabled).toBe(false);
  });

  it('names every problem of a bad document by its path, and saves nothing', async () => {
    const { admin, store } = setup();
    const bad = withWandb() as unknown as {
      tools: Record<string, Record<string, unknown>>;
      allowedProjects: unknown;
    };
    bad.tools.wandb!.baseUrl = 'http://wandb.example.com';
    bad.allowedProjects = ['cv'];
    const result = await admin.saveConnections({
      payload: { connections: bad, baseRevision: 0 },
      ...adminContext,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-config' } });
    if (result.ok || result.error.code !== 'invalid-config') return;
    expect(result.error.problems).toEqual(
      expect.arrayContaining([
        { path: 'allowedProjects[0]', message: 'a project key such as ML' },
        { path: 'tools.wandb.baseUrl', message: 'an https origin such as https://mlflow.example.com' },
      ]),
    );
    expect(await store.keys('')).toEqual([]);
  });

  it('names a missing revision in the payload', async () => {
    const { admin } = setup();
    const result = await admin.saveConnections({ payload: { connections: withWandb() }, ...adminContext });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(!result.ok && result.error.message).toMatch(/^invalid request: baseRevision: /);
  });
});
