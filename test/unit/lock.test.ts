/**
 * The lock that serialises read-merge-write of one issue's Definition-of-Done property across invocations.
 */
import { MemoryStore } from '../../src/storage/key-value-store';
import { withLock } from '../../src/storage/lock';
import { LockLostError, LockTimeoutError } from '../../src/errors';

/** A clock the test moves by hand; sleeping advances it. */
function manualClock(start = 1_000_000) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => void (now += ms),
    sleep: async (ms: number) => void (now += ms),
  };
}

describe('withLock', () => {
  it('keeps a lock held for the whole 25 s a Forge resolver may run', async () => {
    const store = new MemoryStore();
    const clock = manualClock();
    let secondRan = false;
    await withLock(
      store,
      'lock:dod:CV-1',
      async (lease) => {
        // 24 s into a slow invocation, another one arrives and tries until Forge's 25 s are over.
        clock.advance(24_000);
        await expect(
          withLock(store, 'lock:dod:CV-1', async () => void (secondRan = true), { ...clock, waitMs: 1_000 }),
        ).rejects.toBeInstanceOf(LockTimeoutError);
        await lease.confirm();
      },
      clock,
    );
    expect(secondRan).toBe(false);
  });

  it('takes over a lock left behind by a crashed invocation once it has expired', async () => {
    const store = new MemoryStore();
    const clock = manualClock();
    await store.set('lock:dod:CV-1', { token: 'crashed', at: clock.now() });
    clock.advance(31_000);
    await expect(withLock(store, 'lock:dod:CV-1', async () => 'written', clock)).resolves.toBe('written');
    expect(await store.get('lock:dod:CV-1')).toBeUndefined();
  });

  it('lets a holder write only while it still owns the lock', async () => {
    const store = new MemoryStore();
    const clock = manualClock();
    const writes: string[] = [];
    await expect(
      withLock(
        store,
        'lock:dod:CV-1',
        async (lease) => {
          await lease.confirm();
          writes.push('first');
          // Someone took the lock over (it expired while this holder was stalled).
          await store.set('lock:dod:CV-1', { token: 'someone-else', at: clock.now() });
          await lease.confirm();
          writes.push('second');
        },
        clock,
      ),
    ).rejects.toBeInstanceOf(LockLostError);
    expect(writes).toEqual(['first']);
    // Not the holder any more: the other writer's lock stays.
    expect(await store.get('lock:dod:CV-1')).toEqual({ token: 'someone-else', at: clock.now() });
  });

  it('refuses to write once the lock has outlived its expiry, even if nobody took it yet', async () => {
    const store = new MemoryStore();
    const clock = manualClock();
    await expect(
      withLock(
        store,
        'lock:dod:CV-1',
        async (lease) => {
          clock.advance(30_000);
          await lease.confirm();
        },
        clock,
      ),
    ).rejects.toThrow('lock:dod:CV-1 expired before the change could be written; nothing was written');
  });

  it('releases the lock when the work fails, and the work’s own error wins', async () => {
    const store = new MemoryStore();
    await expect(
      withLock(store, 'lock:dod:CV-1', async () => {
        throw new Error('Jira said no');
      }),
    ).rejects.toThrow('Jira said no');
    expect(await store.get('lock:dod:CV-1')).toBeUndefined();
  });
});
