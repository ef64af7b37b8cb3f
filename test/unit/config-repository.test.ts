/**
 * The saved configuration's records: what a load reads when the store holds records written by this or the
 * previous version of ML Lanes, what a reset records, what pruning keeps, and what is too large to store.
 */
import { defaultConfig } from '../../src/config/defaults';
import type { MlLanesConfig } from '../../src/config/schema';
import { ConfigRepository, HISTORY_LIMIT } from '../../src/storage/config-repository';
import { MemoryStore } from '../../src/storage/key-value-store';
import { ConflictError, InvalidConfigError } from '../../src/errors';

const CV = { projectKey: 'CV' };

function named(name: string): MlLanesConfig {
  const config = defaultConfig();
  config.lanes[0]!.name = name;
  return config;
}

/** A record as the previous version wrote it, under `config:<scope>` and `config-history:<scope>:<revision>`. */
function previousRecord(revision: number, name: string) {
  return {
    revision,
    savedAt: `2026-09-0${revision}T10:00:00.000Z`,
    savedBy: `admin-${revision}`,
    document: named(name),
  };
}

const historyKey = (scope: string, revision: number) =>
  `config-history:${scope}:${String(revision).padStart(10, '0')}`;

function setup() {
  const store = new MemoryStore();
  return { store, configs: new ConfigRepository(store, () => new Date('2026-10-01T12:00:00.000Z')) };
}

const laneName = (loaded: { config: MlLanesConfig }) => loaded.config.lanes[0]!.name;

describe('configuration stored by the previous version', () => {
  it('loads, saves on top of it and restores its revisions', async () => {
    const { store, configs } = setup();
    for (const [revision, name] of [
      [1, 'One'],
      [2, 'Two'],
      [3, 'Three'],
    ] as const) {
      await store.set(historyKey('site', revision), previousRecord(revision, name));
    }
    await store.set('config:site', previousRecord(3, 'Three'));

    const loaded = await configs.load();
    expect(loaded).toMatchObject({ revision: 3, source: 'saved', savedBy: 'admin-3', fallback: null });
    expect(laneName(loaded)).toBe('Three');

    const saved = await configs.save({}, named('Four'), 3, 'ada');
    expect(saved.revision).toBe(4);
    expect(laneName(await configs.load())).toBe('Four');
    expect((await configs.revisions()).map((entry) => entry.revision)).toEqual([4, 3, 2, 1]);
    const restored = await configs.restore({}, 1, 4, 'ada');
    expect({ revision: restored.revision, name: laneName(restored) }).toEqual({ revision: 5, name: 'One' });
  });

  it('pairs the newest revision with its own document when a save had claimed it but not yet copied it', async () => {
    const { store, configs } = setup();
    await store.set(historyKey('site', 1), previousRecord(1, 'One'));
    await store.set('config:site', previousRecord(1, 'One'));
    // Revision 2 is claimed; its copy under `config:site` is not written yet.
    await store.set(historyKey('site', 2), previousRecord(2, 'Two'));

    const loaded = await configs.load();
    expect({ revision: loaded.revision, name: laneName(loaded) }).toEqual({ revision: 2, name: 'Two' });
    // A change made from that load keeps revision 2's change.
    const config = structuredClone(loaded.config);
    config.lanes.push({ id: 'research', name: 'Research' });
    await configs.save({}, config, loaded.revision, 'ada');
    const after = await configs.load();
    expect(laneName(after)).toBe('Two');
    expect(after.config.lanes.map((lane) => lane.id)).toContain('research');
  });

  it('still treats a project reset by the previous version (copy deleted, history kept) as following the site', async () => {
    const { store, configs } = setup();
    await configs.save({}, named('Site'), 0, 'ada');
    await store.set(historyKey('project:CV', 1), previousRecord(1, 'Own'));
    await store.set(historyKey('project:CV', 2), previousRecord(2, 'Own again'));

    const loaded = await configs.load(CV);
    expect(loaded).toMatchObject({ source: 'site', revision: 2 });
    expect(laneName(loaded)).toBe('Site');
    expect(await configs.save(CV, named('Own once more'), 2, 'ada')).toMatchObject({
      source: 'saved',
      revision: 3,
    });
  });
});

describe('one record is the truth', () => {
  it('loads the newest revision from the history even when the copy under config:<scope> is gone', async () => {
    const { store, configs } = setup();
    for (let revision = 0; revision < 3; revision += 1) {
      await configs.save({}, named(`v${revision + 1}`), revision, 'ada');
    }
    await store.delete('config:site');

    const loaded = await configs.load();
    expect({ revision: loaded.revision, name: laneName(loaded), source: loaded.source }).toEqual({
      revision: 3,
      name: 'v3',
      source: 'saved',
    });
  });

  it('falls back from a damaged newest revision to the newest one that reads, and names both', async () => {
    const { store, configs } = setup();
    await configs.save({}, named('Good'), 0, 'ada');
    await store.set(historyKey('site', 2), {
      ...previousRecord(2, 'Bad'),
      document: { version: 2, lanes: 'not a list' },
    });

    const loaded = await configs.load();
    expect(laneName(loaded)).toBe('Good');
    expect(loaded.revision).toBe(2);
    expect(loaded.fallback).toMatchObject({
      revision: 1,
      reason: expect.stringMatching(/^revision 2 cannot be used: lanes/),
    });
  });

  it('falls back past a damaged project revision to the reset before it: the project follows the site', async () => {
    const { store, configs } = setup();
    await configs.save({}, named('Site'), 0, 'ada');
    await configs.save(CV, named('Own'), 0, 'ada');
    await configs.resetProject('CV', 1, 'ada');
    await store.set(historyKey('project:CV', 3), {
      ...previousRecord(3, 'Bad'),
      kind: 'saved',
      document: { version: 2, lanes: [] },
    });

    const loaded = await configs.load(CV);
    expect(laneName(loaded)).toBe('Site');
    expect(loaded).toMatchObject({ source: 'site', revision: 3, fallback: { revision: 2 } });
  });
});

describe('project reset', () => {
  it('is a revision of its own: listed, numbered after the last save, and a save from before it conflicts', async () => {
    const { configs } = setup();
    await configs.save({}, named('Site'), 0, 'ada');
    await configs.save(CV, named('Own'), 0, 'ada');

    const reset = await configs.resetProject('CV', 1, 'bo');
    expect(reset).toMatchObject({ source: 'site', revision: 2 });
    expect(laneName(reset)).toBe('Site');
    expect(await configs.load(CV)).toMatchObject({ source: 'site', revision: 2 });
    expect(await configs.revisions(CV)).toEqual([
      {
        revision: 2,
        savedAt: '2026-10-01T12:00:00.000Z',
        savedBy: 'bo',
        description: 'reset: follows the site configuration',
      },
      expect.objectContaining({ revision: 1, savedBy: 'ada' }),
    ]);
    await expect(configs.save(CV, named('Late'), 1, 'ada')).rejects.toEqual(new ConflictError(2));
    await expect(configs.resetProject('CV', 1)).rejects.toEqual(new ConflictError(2));
  });

  it('can be undone by restoring the revision before it, and redone by restoring the reset', async () => {
    const { configs } = setup();
    await configs.save(CV, named('Own'), 0, 'ada');
    await configs.resetProject('CV', 1, 'ada');

    const undone = await configs.restore(CV, 1, 2, 'ada');
    expect({ source: undone.source, revision: undone.revision, name: laneName(undone) }).toEqual({
      source: 'saved',
      revision: 3,
      name: 'Own',
    });
    expect(await configs.restore(CV, 2, 3, 'ada')).toMatchObject({ source: 'defaults', revision: 4 });
  });
});

describe('history pruning', () => {
  it(`keeps the newest ${HISTORY_LIMIT} revisions, and revision numbers only grow through saves and resets`, async () => {
    const { configs } = setup();
    const seen: number[] = [];
    let revision = 0;
    for (let step = 0; step < 2 * HISTORY_LIMIT + 5; step += 1) {
      const changed =
        step % 9 === 8
          ? await configs.resetProject('CV', revision)
          : await configs.save(CV, named(`Step ${step}`), revision, 'ada');
      revision = changed.revision;
      seen.push(revision, (await configs.load(CV)).revision);
    }

    expect(seen).toEqual(seen.map((_, i) => Math.floor(i / 2) + 1));
    const kept = (await configs.revisions(CV)).map((entry) => entry.revision);
    expect(kept).toEqual(Array.from({ length: HISTORY_LIMIT }, (_, i) => revision - i));
  });
});

describe('size', () => {
  it('refuses a document too large for Forge storage before writing anything, naming its size and the limit', async () => {
    const { store, configs } = setup();
    const huge = named('x'.repeat(10 * 1024 * 1024));

    const refused = await configs.save({}, huge, 0, 'ada').catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(InvalidConfigError);
    expect((refused as InvalidConfigError).problems).toEqual([
      {
        path: '(root)',
        message: expect.stringMatching(/takes 1024\d\.\d KiB .*at most 236 KiB .*over 240 KiB/),
      },
    ]);
    expect(await store.keys('')).toEqual([]);
  });
});
