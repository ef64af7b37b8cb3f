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
        '--timeout',
        '2.5',
        '--deadline',
        '60',
      ]),
    ).toEqual({
      kind: 'plan',
      site: 'https://acme.atlassian.net',
      boardId: 12,
      sprint: 34,
      configFile: 'lanes.json',
      format: 'markdown',
      timeoutMs: 2500,
      deadlineMs: 60_000,
    });
  });

  it('plans the active-else-next sprint as JSON by default', () => {
    expect(parseCommandLine(['plan', '--site', 'https://acme.atlassian.net', '--board', '1'])).toMatchObject({
      sprint: 'default',
      format: 'json',
      configFile: null,
    });
  });

  it('gives every request 30 s and the whole run 5 minutes unless told otherwise', () => {
    expect(parseCommandLine(['plan', '--site', 'https://acme.atlassian.net', '--board', '1'])).toMatchObject({
      timeoutMs: 30_000,
      deadlineMs: 300_000,
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
    [
      ['plan', '--site', 'https://a.atlassian.net', '--board', '1', '--timeout', '0'],
      /--timeout must be a number of seconds above 0 and at most 86400, not "0"/,
    ],
    [['plan', '--site', 'https://a.atlassian.net', '--board', '1', '--timeout=-5'], /--timeout must be/],
    [['plan', '--site', 'https://a.atlassian.net', '--board', '1', '--timeout', '1e3'], /--timeout must be/],
    [
      ['plan', '--site', 'https://a.atlassian.net', '--board', '1', '--deadline', '90000'],
      /--deadline must be a number of seconds above 0 and at most 86400, not "90000"/,
    ],
    [['deploy'], /unknown command "deploy"/],
    [['config', 'validate'], /config validate FILE/],
  ])('rejects %j with a message naming the problem', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });
});
