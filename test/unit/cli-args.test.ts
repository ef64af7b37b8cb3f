import { parseCommandLine, UsageError } from '../../src/cli/args';

describe('ml-lanes command line', () => {
  it('reads a full plan command', () => {
    expect(
      parseCommandLine([
        'plan',
        '--site',
        'https://acme.atlassian.net/',
        '--board',
        '12',
        '--sprint',
        '34',
        '--config',
        'lanes.json',
        '--format',
        'markdown',
      ]),
    ).toEqual({
      kind: 'plan',
      site: 'https://acme.atlassian.net',
      boardId: 12,
      sprint: 34,
      configFile: 'lanes.json',
      format: 'markdown',
    });
  });

  it('plans the active-else-next sprint as JSON by default', () => {
    expect(parseCommandLine(['plan', '--site', 'https://acme.atlassian.net', '--board', '1'])).toMatchObject({
      sprint: 'default',
      format: 'json',
      configFile: null,
    });
  });

  it.each([
    [['plan', '--board', '1'], /--site is required/],
    [['plan', '--site', 'https://a.atlassian.net'], /--board is required/],
    [['plan', '--site', 'not a url', '--board', '1'], /--site "not a url" is not a URL/],
    [
      ['plan', '--site', 'https://a.atlassian.net', '--board', 'abc'],
      /--board must be a positive whole number/,
    ],
    [
      ['plan', '--site', 'https://a.atlassian.net', '--board', '1', '--sprint', 'current'],
      /--sprint must be/,
    ],
    [
      ['plan', '--site', 'https://a.atlassian.net', '--board', '1', '--format', 'xml'],
      /--format must be json or markdown/,
    ],
    [['plan', '--site', 'https://a.atlassian.net', '--board', '1', '--bored', '2'], /bored/],
    [['deploy'], /unknown command "deploy"/],
    [['config', 'validate'], /config validate FILE/],
  ])('rejects %j with a message naming the problem', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });
});
