/**
 * Keys that name JavaScript's object machinery (`__proto__`, `constructor`, `prototype`) are refused wherever
 * they appear in a configuration, each at its own path, instead of being dropped without a word.
 */
import { defaultConfig } from '../../src/config/defaults';
import { parseConfig, parseConfigText } from '../../src/config/parse';

/** The default configuration as JSON text, with `insert` added right after the first match of `after`. */
function textWith(after: string, insert: string): string {
  const text = JSON.stringify(defaultConfig());
  const at = text.indexOf(after);
  if (at < 0) throw new Error(`"${after}" is not in the default configuration`);
  return text.slice(0, at + after.length) + insert + text.slice(at + after.length);
}

describe('reserved keys in configuration text', () => {
  it('refuses "__proto__" at the top of the document, where it used to vanish', () => {
    expect(parseConfigText(textWith('{', '"__proto__":{"polluted":true},'))).toEqual({
      ok: false,
      problems: [
        { path: '__proto__', message: expect.stringMatching(/"__proto__" cannot be used as a key/) },
      ],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names each reserved key at its own path, however deep', () => {
    let text = textWith('"lanes":[{', '"__proto__":{"x":1},');
    text = text.replace('"kind":"keywords"', '"constructor":"x","kind":"keywords"');
    text = text.replace('"dependencyLinkTypes":[{', '"dependencyLinkTypes":[{"prototype":{},');
    const result = parseConfigText(text);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((problem) => problem.path).sort()).toEqual(
      ['dependencyLinkTypes[0].prototype', 'lanes[0].__proto__', 'rules[1].constructor'].sort(),
    );
  });

  it('refuses a lane id used as a key when JavaScript reserves it, and says to rename the lane', () => {
    const config = defaultConfig();
    config.lanes.push({ id: 'prototype', name: 'Prototype' });
    const text = JSON.stringify(config).replace('"dod":{', '"dod":{"prototype":{"items":[]},');

    expect(parseConfigText(text)).toEqual({
      ok: false,
      problems: [
        {
          path: 'dod.prototype',
          message: expect.stringMatching(/"prototype" cannot be used as a key .*give the lane another id/),
        },
      ],
    });
  });

  it('accepts the same words as values: a lane named "Prototype", a keyword "constructor"', () => {
    const config = defaultConfig();
    config.lanes.push({ id: 'prototypes', name: 'Prototype' });
    config.rules.push({
      kind: 'keywords',
      lane: 'prototypes',
      keywords: ['constructor', '__proto__'],
      in: ['summary'],
    });
    expect(parseConfigText(JSON.stringify(config))).toMatchObject({ ok: true });
  });
});

describe('reserved keys in configuration objects', () => {
  it('refuses own keys however the object was built', () => {
    const lane = { id: 'data', name: 'Data' };
    Object.defineProperty(lane, '__proto__', { value: { polluted: true }, enumerable: false });
    const document = {
      ...defaultConfig(),
      lanes: [lane],
      capacity: { ['constructor']: { storyPoints: 1 } },
    };

    const result = parseConfig(document);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((problem) => problem.path).sort()).toEqual(
      ['capacity.constructor', 'lanes[0].__proto__'].sort(),
    );
  });

  it('refuses them in a document parsed from JSON elsewhere (as the save payload is)', () => {
    const document: unknown = JSON.parse(textWith('"rules":[', '{"__proto__":{"kind":"keywords"}},'));
    expect(parseConfig(document)).toEqual({
      ok: false,
      problems: [{ path: 'rules[0].__proto__', message: expect.any(String) }],
    });
  });
});
