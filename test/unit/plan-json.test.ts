import { writeJson, writeJsonPaced } from '../../src/cli/plan-json';

function written(value: object): string {
  let out = '';
  writeJson(value, (chunk) => {
    out += chunk;
  });
  return out;
}

describe('streamed JSON', () => {
  it('is exactly what JSON.stringify with two-space indent gives', () => {
    const value = {
      scope: { site: 'https://acme.atlassian.net', sprintGoal: 'Ship "v1.1"\nnow', nested: { list: [1, 2] } },
      lanes: [],
      issues: [
        { key: 'CV-1', summary: '<b>HTML</b> — stays text', dod: { items: [{ id: 'iaa', met: false }] } },
        { key: 'CV-2', summary: '', upstreamChain: [] },
      ],
      criticalChain: ['CV-1', 'CV-2'],
      empty: {},
      skipped: undefined,
      count: 3,
    };
    expect(written(value)).toBe(JSON.stringify(value, null, 2));
  });

  it('handles an empty object', () => {
    expect(written({})).toBe(JSON.stringify({}, null, 2));
  });
});

describe('streamed JSON of a big plan', () => {
  const issues = Array.from({ length: 1000 }, (_, index) => ({
    key: `CV-${index}`,
    summary: index % 7 === 0 ? 'Line one\nline "two" — ✓' : `Issue ${index}`,
    upstreamChain: index % 3 === 0 ? [] : [`CV-${index - 1}`],
    dod: { met: index % 2, total: 1, items: [{ id: 'a', met: index % 2 === 1 }] },
    missing: undefined,
  }));
  const plan = {
    scope: { site: 'https://acme.atlassian.net' },
    issues,
    handoffs: [],
    criticalChain: ['CV-1'],
  };

  it('is exactly what JSON.stringify with two-space indent gives, across many pieces', () => {
    expect(written(plan)).toBe(JSON.stringify(plan, null, 2));
  });

  it('goes out in a few large writes, none of them the whole document', () => {
    const chunks: string[] = [];
    writeJson(plan, (chunk) => chunks.push(chunk));
    const whole = JSON.stringify(plan, null, 2).length;
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.length).toBeLessThan(whole / 1024);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(whole);
  });

  it('waits for a slow reader after each chunk instead of queueing the rest, and still writes it all', async () => {
    const chunks: string[] = [];
    let letGo: () => void = () => undefined;
    const writing = writeJsonPaced(
      plan,
      (chunk) => chunks.push(chunk),
      () => new Promise<void>((resolve) => (letGo = resolve)),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(chunks).toHaveLength(1);
    let done = false;
    void writing.then(() => (done = true));
    for (let turns = 0; !done && turns < 10_000; turns++) {
      letGo();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(done).toBe(true);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(JSON.stringify(plan, null, 2));
  });
});
