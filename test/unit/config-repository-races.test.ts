/**
 * Saving the configuration when the store is as slow as Forge KVS over the network (5–40 ms an operation) and
 * several admins act at once: every acknowledged save stays in the configuration, and of two changes made from
 * the same revision exactly one is accepted.
 */
import { defaultConfig } from '../../src/config/defaults';
import type { MlLanesConfig } from '../../src/config/schema';
import { ConfigRepository, type ConfigScope, type LoadedConfig } from '../../src/storage/config-repository';
import { SlowStore } from '../support/slow-store';
import { ConflictError } from '../../src/errors';

/** What an admin does on the admin page: load, change, save; on a conflict, reload and make the change again. */
async function editUntilSaved(
  configs: ConfigRepository,
  scope: ConfigScope,
  admin: string,
  change: (config: MlLanesConfig) => void,
): Promise<LoadedConfig> {
  const maxAttempts = 200;
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const loaded = await configs.load(scope);
    const config = structuredClone(loaded.config);
    change(config);
    try {
      return await configs.save(scope, config, loaded.revision, admin);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  throw new Error(`${admin} still had a conflict after ${maxAttempts} attempts`);
}

const withLane = (id: string) => (config: MlLanesConfig) => {
  config.lanes.push({ id, name: id });
};

function renamed(name: string): MlLanesConfig {
  const config = defaultConfig();
  config.lanes[0]!.name = name;
  return config;
}

describe('saving the configuration over a slow store', () => {
  it('keeps every change of two admins who each make 10 edits at once, reloading and reapplying on conflict', async () => {
    const configs = new ConfigRepository(new SlowStore());
    const editsBy = async (admin: string) => {
      const acknowledged: string[] = [];
      for (let i = 1; i <= 10; i += 1) {
        await editUntilSaved(configs, {}, admin, withLane(`${admin}-${i}`));
        acknowledged.push(`${admin}-${i}`);
      }
      return acknowledged;
    };

    const acknowledged = (await Promise.all([editsBy('ada'), editsBy('bo')])).flat();

    const final = await configs.load();
    const laneIds = final.config.lanes.map((lane) => lane.id);
    expect(acknowledged).toHaveLength(20);
    expect(acknowledged.filter((id) => !laneIds.includes(id))).toEqual([]);
    // One revision per acknowledged save, on top of nothing.
    expect(final.revision).toBe(20);
  });

  it('accepts exactly one of 20 saves made from the same revision; each of the others is told, and a reload shows the winner (5 rounds)', async () => {
    const round = async () => {
      const configs = new ConfigRepository(new SlowStore());
      await configs.save({}, renamed('Before'), 0, 'ada');
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          try {
            const saved = await configs.save({}, renamed(`Admin ${i}`), 1, `admin-${i}`);
            return { accepted: saved.config.lanes[0]!.name };
          } catch (error) {
            if (!(error instanceof ConflictError)) throw error;
            // The loser reloads at once, as the admin page does after a conflict.
            const reloaded = await configs.load();
            return {
              conflictAt: error.currentRevision,
              reloaded: { revision: reloaded.revision, name: reloaded.config.lanes[0]!.name },
            };
          }
        }),
      );
      return { outcomes, final: await configs.load() };
    };

    for (const { outcomes, final } of await Promise.all(Array.from({ length: 5 }, round))) {
      const accepted = outcomes.flatMap((outcome) => ('accepted' in outcome ? [outcome.accepted] : []));
      expect(accepted).toHaveLength(1);
      // Whoever reloads after a conflict sees the accepted change, at the revision that holds it.
      expect(outcomes.filter((outcome) => 'conflictAt' in outcome)).toEqual(
        Array(19).fill({ conflictAt: 2, reloaded: { revision: 2, name: accepted[0] } }),
      );
      expect({ revision: final.revision, name: final.config.lanes[0]!.name }).toEqual({
        revision: 2,
        name: accepted[0],
      });
    }
  });

  it('lets only one of a project reset and a save from the same revision through (30 trials)', async () => {
    const trial = async () => {
      const configs = new ConfigRepository(new SlowStore());
      const scope = { projectKey: 'CV' };
      await configs.save(scope, renamed('Own'), 0, 'ada');
      const [reset, save] = await Promise.allSettled([
        configs.resetProject('CV', 1),
        configs.save(scope, renamed('Edited'), 1, 'bo'),
      ]);
      const after = await configs.load(scope);
      return {
        winners: [reset, save].filter((outcome) => outcome.status === 'fulfilled').length,
        losersConflict: [reset, save].every(
          (outcome) => outcome.status === 'fulfilled' || outcome.reason instanceof ConflictError,
        ),
        // What stays in force is the winner's: the site (here the defaults) after a reset, else the edit.
        stateMatchesWinner:
          reset.status === 'fulfilled'
            ? after.source === 'defaults' && after.config.lanes[0]!.name === 'Data'
            : after.source === 'saved' && after.config.lanes[0]!.name === 'Edited',
      };
    };

    const trials = await Promise.all(Array.from({ length: 30 }, trial));

    expect(trials.filter((outcome) => outcome.winners !== 1)).toEqual([]);
    expect(trials.filter((outcome) => !outcome.losersConflict || !outcome.stateMatchesWinner)).toEqual([]);
  });
});
