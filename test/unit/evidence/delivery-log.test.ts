import { DeliveryLog, LOG_LIMIT } from '../../../src/storage/delivery-log';
import { MemoryStore, type KeyValueStore } from '../../../src/storage/key-value-store';

describe('the delivery log', () => {
  const at = (iso: string) => () => new Date(iso);

  it('lists deliveries per tool, newest first', async () => {
    const store = new MemoryStore();
    await new DeliveryLog(store, at('2026-11-30T06:00:00Z')).record({
      tool: 'ci',
      outcome: 'accepted',
      reason: 'queued',
      deliveryId: 'run-1',
      issueKey: 'ML-1',
    });
    await new DeliveryLog(store, at('2026-11-30T06:01:00Z')).record({
      tool: 'ci',
      outcome: 'written',
      reason: 'holdout-accuracy',
      deliveryId: 'run-1',
      issueKey: 'ML-1',
    });
    const log = new DeliveryLog(store);
    expect((await log.list('ci')).map((entry) => entry.outcome)).toEqual(['written', 'accepted']);
    expect(await log.list('mlflow')).toEqual([]);
  });

  it(`keeps the last ${LOG_LIMIT} per tool`, async () => {
    const log = new DeliveryLog(new MemoryStore());
    for (let i = 0; i < LOG_LIMIT + 5; i += 1) {
      await log.record({ tool: 'wandb', outcome: 'accepted', reason: 'queued', deliveryId: `d${i}` });
    }
    const entries = await log.list('wandb');
    expect(entries).toHaveLength(LOG_LIMIT);
    expect(entries[0]?.deliveryId).toBe(`d${LOG_LIMIT + 4}`);
  });

  it('coalesces a flood of identical rejections into one counted entry', async () => {
    const log = new DeliveryLog(new MemoryStore(), at('2026-11-30T06:00:10Z'));
    await log.record({ tool: 'mlflow', outcome: 'accepted', reason: 'queued', deliveryId: 'good' });
    for (let i = 0; i < 30; i += 1) {
      await log.record({ tool: 'mlflow', outcome: 'rejected', reason: 'signature does not match' });
    }
    const entries = await log.list('mlflow');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ outcome: 'rejected', count: 30 });
    expect(entries[1]).toMatchObject({ outcome: 'accepted', deliveryId: 'good' });
  });

  it('never stores an id or key that fails its pattern, nor control characters', async () => {
    const store = new MemoryStore();
    const log = new DeliveryLog(store);
    await log.record({
      tool: 'labelstudio',
      outcome: 'rejected',
      reason: 'bad\nline\u0000',
      deliveryId: '<script>',
      issueKey: 'ml-1 OR 1=1',
    });
    const [entry] = await log.list('labelstudio');
    expect(entry).toEqual({
      at: expect.any(String),
      tool: 'labelstudio',
      outcome: 'rejected',
      reason: 'bad line',
      count: 1,
    });
  });

  it('a storage failure does not fail the delivery', async () => {
    const broken: KeyValueStore = {
      ...new MemoryStore(),
      get: () => Promise.reject(new Error('kvs down')),
      set: () => Promise.reject(new Error('kvs down')),
      setIfAbsent: () => Promise.reject(new Error('kvs down')),
      delete: () => Promise.reject(new Error('kvs down')),
      keys: () => Promise.reject(new Error('kvs down')),
    };
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(
      new DeliveryLog(broken).record({ tool: 'ci', outcome: 'accepted', reason: 'queued' }),
    ).resolves.toBeUndefined();
    spy.mockRestore();
  });
});
