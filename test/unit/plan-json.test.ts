import { writeJson } from '../../src/cli/plan-json';

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
