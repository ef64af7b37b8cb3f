/** Board histories kept between forecasts: within Forge KVS's value limit, per person, never mixed or stale. */
import type { BoardHistory, IssueHistory } from '../../src/domain/forecast/model';
import { KVS_VALUE_LIMIT_BYTES } from '../../src/storage/config-repository';
import { HISTORY_MAX_AGE_MS, HistoryCache, type HistoryCacheKey } from '../../src/storage/history-cache';
import { MemoryStore } from '../../src/storage/key-value-store';

const NOW = Date.parse('2026-11-30T10:00:00Z');
const KEY: HistoryCacheKey = {
  accountId: '712020:sam',
  boardId: 1,
  windowDays: 188,
  asOfDay: '2026-11-30',
  configFingerprint: '0a1b2c3d',
};

function issue(index: number): IssueHistory {
  return {
    key: `CV-${index}`,
    lane: 'data',
    issueType: 'Story',
    created: '2026-09-01T09:00:00.000Z',
    categories: [
      { at: '2026-09-01T09:00:00.000Z', category: 'new' },
      { at: '2026-09-02T09:00:00.000Z', category: 'indeterminate' },
      { at: '2026-09-04T15:00:00.000Z', category: 'done' },
    ],
    flagged: [],
    storyPoints: 3,
    sprintIds: [95],
    upstreamKeys: [],
    defects: [],
  };
}

function history(issues: number): BoardHistory {
  return {
    timeZone: 'Europe/Berlin',
    workingDays: [1, 2, 3, 4, 5],
    window: { from: '2026-05-26T22:00:00.000Z', to: '2026-11-29T23:00:00.000Z' },
    lanes: ['data'],
    closedSprints: [],
    issues: Array.from({ length: issues }, (_, index) => issue(index + 1)),
    warnings: [],
  };
}

const cached = (issues: number) => ({
  readAt: new Date(NOW).toISOString(),
  history: history(issues),
  startedAt: [['CV-1', '2026-11-20T09:00:00.000Z']] as [string, string][],
});

async function storedSizes(store: MemoryStore): Promise<number[]> {
  const keys = await store.keys('');
  return Promise.all(
    keys.map(async (key) => new TextEncoder().encode(JSON.stringify(await store.get(key))).length),
  );
}

describe('HistoryCache', () => {
  it('keeps a small history in one value and gives it back as stored', async () => {
    const store = new MemoryStore();
    const cache = new HistoryCache(store, () => NOW);
    expect(await cache.set(KEY, cached(10))).toBe(true);
    expect(await store.keys('')).toHaveLength(1);
    expect(await cache.get(KEY)).toEqual(cached(10));
  });

  it('keeps a history bigger than one KVS value in parts, each within the limit', async () => {
    const store = new MemoryStore();
    const cache = new HistoryCache(store, () => NOW);
    const big = cached(3000);
    expect(new TextEncoder().encode(JSON.stringify(big)).length).toBeGreaterThan(KVS_VALUE_LIMIT_BYTES);
    expect(await cache.set(KEY, big)).toBe(true);
    expect((await store.keys('')).length).toBeGreaterThan(2);
    for (const size of await storedSizes(store)) expect(size).toBeLessThanOrEqual(KVS_VALUE_LIMIT_BYTES);
    expect(await cache.get(KEY)).toEqual(big);
  });

  it('replaces a stored history whole, and drops the parts no head names any more', async () => {
    const store = new MemoryStore();
    let now = NOW;
    const cache = new HistoryCache(store, () => now);
    await cache.set(KEY, cached(3000));
    const first = (await store.keys('')).length;
    now += 1000;
    const newer = { ...cached(2500), readAt: new Date(now).toISOString() };
    await cache.set(KEY, newer);
    expect((await store.keys('')).length).toBeLessThanOrEqual(first);
    expect(await cache.get(KEY)).toEqual(newer);
  });

  it('treats a missing or damaged part as a miss, never as an error or a wrong history', async () => {
    const store = new MemoryStore();
    const cache = new HistoryCache(store, () => NOW);
    await cache.set(KEY, cached(3000));
    const part = (await store.keys('')).find((key) => key.endsWith(':part:1'))!;
    await store.set(part, 'not the history');
    expect(await cache.get(KEY)).toBeNull();
    await store.delete(part);
    expect(await cache.get(KEY)).toBeNull();
  });

  it('keeps each person apart, and forgets a history older than six hours', async () => {
    const store = new MemoryStore();
    let now = NOW;
    const cache = new HistoryCache(store, () => now);
    await cache.set(KEY, cached(10));
    expect(await cache.get({ ...KEY, accountId: '712020:ada' })).toBeNull();
    expect(await cache.get({ ...KEY, configFingerprint: 'ffffffff' })).toBeNull();
    now += HISTORY_MAX_AGE_MS + 1;
    expect(await cache.get(KEY)).toBeNull();
  });
});
