import { BoardIndexStore } from '../../src/storage/board-index-store';
import { MemoryStore } from '../../src/storage/key-value-store';

const RECORD = { fingerprint: 'f', asUpstream: 'a', upstreamIds: ['10001'], downstreamIds: [] };

describe('BoardIndexStore.clear', () => {
  it('forgets every issue and the run status, leaving the app’s other keys', async () => {
    const kvs = new MemoryStore();
    await kvs.set('config:site', { kept: true });
    const index = new BoardIndexStore(kvs);
    await index.save('10001', RECORD);
    await index.save('10002', RECORD);
    await index.recordRun((status) => ({ ...status, issuesIndexed: 2 }));

    await index.clear();

    expect(await index.load(['10001', '10002'])).toEqual(new Map());
    expect((await index.status()).issuesIndexed).toBe(0);
    expect(await kvs.get('config:site')).toEqual({ kept: true });
  });
});
