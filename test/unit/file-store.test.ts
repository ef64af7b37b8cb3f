import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore } from '../../src/storage/file-store';

describe('the playground file store (the stand-in for Forge KVS)', () => {
  const file = () => join(mkdtempSync(join(tmpdir(), 'ml-lanes-store-')), 'nested', 'kvs.json');

  it('keeps values across restarts of the playground', async () => {
    const path = file();
    await new FileStore(path).set('config:site', { revision: 1 });
    expect(await new FileStore(path).get('config:site')).toEqual({ revision: 1 });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ 'config:site': { revision: 1 } });
  });

  it('loses no write when many arrive at once', async () => {
    const store = new FileStore(file());
    await Promise.all(Array.from({ length: 40 }, (_, i) => store.set(`config-history:site:${i}`, i)));
    expect((await store.keys('config-history:site:')).length).toBe(40);
  });

  it('refuses keys Forge KVS would refuse, so they fail here and not in production', async () => {
    const store = new FileStore(file());
    await expect(store.set('config/site', 1)).rejects.toThrow(/not a valid Forge KVS key/);
  });

  it('writes a key only once with setIfAbsent', async () => {
    const store = new FileStore(file());
    const attempts = await Promise.all([
      store.setIfAbsent('config-history:site:1', 'a'),
      store.setIfAbsent('config-history:site:1', 'b'),
    ]);
    expect(attempts.sort()).toEqual([false, true]);
  });

  it('deletes, and lists keys by prefix', async () => {
    const store = new FileStore(file());
    await store.set('config:site', 1);
    await store.set('config:project:CV', 2);
    await store.delete('config:site');
    expect(await store.keys('config:')).toEqual(['config:project:CV']);
    expect(await store.get('config:site')).toBeUndefined();
  });
});
