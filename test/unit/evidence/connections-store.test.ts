import { defaultConnections, httpsOrigin, parseConnections } from '../../../src/config/connections-schema';
import { ConflictError } from '../../../src/errors';
import { ConnectionsStore, InvalidConnectionsError } from '../../../src/storage/connections-store';
import { MemoryStore } from '../../../src/storage/key-value-store';

describe('the Connections settings', () => {
  it('start with every tool off and no project allowed, so a new site receives nothing', async () => {
    const loaded = await new ConnectionsStore(new MemoryStore()).load();
    expect(loaded.revision).toBe(0);
    expect(loaded.connections.allowedProjects).toEqual([]);
    expect(Object.values(loaded.connections.tools).every((tool) => !tool.enabled)).toBe(true);
  });

  it('save and load back, revision by revision', async () => {
    const store = new ConnectionsStore(new MemoryStore(), () => new Date('2026-11-30T06:00:00Z'));
    const document = defaultConnections();
    document.allowedProjects = ['ML'];
    document.tools.ci.enabled = true;
    const saved = await store.save(document, 0, 'admin-1');
    expect(saved.revision).toBe(1);
    const loaded = await store.load();
    expect(loaded).toMatchObject({ revision: 1, savedBy: 'admin-1', savedAt: '2026-11-30T06:00:00.000Z' });
    expect(loaded.connections.tools.ci.enabled).toBe(true);
    expect(loaded.connections.allowedProjects).toEqual(['ML']);
  });

  it('refuse a save made from an older revision instead of losing the newer one', async () => {
    const store = new ConnectionsStore(new MemoryStore());
    await store.save(defaultConnections(), 0, 'a');
    await expect(store.save(defaultConnections(), 0, 'b')).rejects.toBeInstanceOf(ConflictError);
    const racing = await Promise.allSettled([
      store.save(defaultConnections(), 1, 'c'),
      store.save(defaultConnections(), 1, 'd'),
    ]);
    expect(racing.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect((await store.load()).revision).toBe(2);
  });

  it('refuse an invalid document with each problem at its path, storing nothing', async () => {
    const backing = new MemoryStore();
    const document = defaultConnections() as unknown as Record<string, unknown>;
    const bad = {
      ...document,
      allowedProjects: ['ml'],
      tools: {
        ...defaultConnections().tools,
        wandb: { ...defaultConnections().tools.wandb, baseUrl: 'http://wandb.ai' },
      },
    };
    const error = await new ConnectionsStore(backing).save(bad, 0, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidConnectionsError);
    expect((error as InvalidConnectionsError).problems).toEqual([
      expect.stringMatching(/^allowedProjects\.0: /),
      expect.stringMatching(/^tools\.wandb\.baseUrl: .*https origin/),
    ]);
    expect(await backing.keys('')).toEqual([]);
  });

  it('use the previous revision when the newest record is damaged', async () => {
    const backing = new MemoryStore();
    const store = new ConnectionsStore(backing);
    const document = defaultConnections();
    document.allowedProjects = ['ML'];
    await store.save(document, 0, null);
    await backing.set('connections-rev:0000000002', { revision: 2, document: { version: 99 } });
    const loaded = await store.load();
    expect(loaded.revision).toBe(1);
    expect(loaded.connections.allowedProjects).toEqual(['ML']);
    expect(loaded.fallback).toMatch(/revision 2 .* damaged/);
  });

  it('keep only the last few revisions', async () => {
    const backing = new MemoryStore();
    const store = new ConnectionsStore(backing);
    for (let revision = 0; revision < 8; revision += 1)
      await store.save(defaultConnections(), revision, null);
    expect((await backing.keys('connections-rev:')).length).toBe(5);
    expect((await store.load()).revision).toBe(8);
  });

  it('accept a key source only among the places the tool offers, and names without dots', () => {
    const document = defaultConnections() as unknown as { tools: Record<string, Record<string, unknown>> };
    document.tools['mlflow'] = { ...document.tools['mlflow'], keySource: { place: 'project-title' } };
    expect(parseConnections(document)).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^tools\.mlflow\.keySource\.place/)],
    });
    const dotted = defaultConnections();
    dotted.tools.ci.keySource = { place: 'payload-field', name: 'a.b' };
    expect(parseConnections(dotted).ok).toBe(false);
  });

  it('take a base URL only as a bare https origin', () => {
    expect(httpsOrigin('https://mlflow.example.com')).toBe('https://mlflow.example.com');
    expect(httpsOrigin('https://mlflow.example.com:8443/')).toBe('https://mlflow.example.com:8443');
    for (const url of [
      'http://mlflow.example.com',
      'javascript:alert(1)',
      'https://user:pw@mlflow.example.com',
      'https://mlflow.example.com/path',
      'https://mlflow.example.com/?q=1',
      'not a url',
    ]) {
      expect(httpsOrigin(url)).toBeNull();
    }
  });
});
