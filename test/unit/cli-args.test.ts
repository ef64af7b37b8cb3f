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
    [['plan', '--board', '1'], /^--site is required; pass your Jira site/],
    [['plan', '--site', 'https://a.atlassian.net'], /^--board is required; pass the board's id/],
    [['plan', '--site', 'not a url', '--board', '1'], /^--site "not a url" is not a URL; pass/],
    [
      ['plan', '--site', 'https://a.atlassian.net', '--board', 'abc'],
      /^--board "abc" is not a positive whole number; pass the number in the board's URL/,
    ],
    [
      ['plan', '--site', 'https://a.atlassian.net', '--board', '1', '--sprint', 'current'],
      /^--sprint "current" is not a sprint; pass a sprint id, "active" or "next"/,
    ],
    [
      ['plan', '--site', 'https://a.atlassian.net', '--board', '1', '--format', 'xml'],
      /^--format "xml" is not a format; use json or markdown/,
    ],
    [
      ['plan', '--site', 'https://a.atlassian.net', '--board', '1', '--bored', '2'],
      /^unknown option '--bored'; ml-lanes plan --help lists the options$/,
    ],
    [
      ['plan', '--site', 'https://a.atlassian.net', '--board', '1', '--timeout', '0'],
      /^--timeout "0" is not a number of seconds; pass one above 0 and at most 86400/,
    ],
    [['plan', '--site', 'https://a.atlassian.net', '--board', '1', '--timeout=-5'], /^--timeout "-5" is not/],
    [
      ['plan', '--site', 'https://a.atlassian.net', '--board', '1', '--timeout', '1e3'],
      /^--timeout "1e3" is not/,
    ],
    [
      ['plan', '--site', 'https://a.atlassian.net', '--board', '1', '--deadline', '90000'],
      /^--deadline "90000" is not a number of seconds; pass one above 0 and at most 86400/,
    ],
    [['deploy'], /^unknown command "deploy"; the commands are plan, forecast, backtest, config and deliver/],
    [
      ['help', 'deploy'],
      /^no help on "deploy"; the commands are plan, forecast, backtest, config and deliver/,
    ],
    [['config', 'validate'], /^config validate needs a file; run "ml-lanes config validate FILE"/],
    [['config'], /^config expects "validate FILE" or "defaults", not nothing; ml-lanes config --help/],
    [
      ['config', 'check', 'x.json'],
      /^config expects "validate FILE" or "defaults", not "check x.json"; ml-lanes config --help shows both$/,
    ],
  ])('rejects %j, naming the cause and then what to do', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });

  it.each([
    [[], 'general'],
    [['--help'], 'general'],
    [['-h'], 'general'],
    [['help'], 'general'],
    [['help', 'plan'], 'plan'],
    [['plan', '--help'], 'plan'],
    [['plan', '-h'], 'plan'],
    // Help wins over the rest of the line, even over a mistake in it.
    [['plan', '--site', 'not a url', '--help'], 'plan'],
    [['help', 'config'], 'config'],
    [['config', '--help'], 'config'],
    [['config', 'validate', '--help'], 'config'],
  ])('%j asks for the %s help', (argv, topic) => {
    expect(parseCommandLine(argv)).toEqual({ kind: 'help', topic });
  });

  it.each([['--version'], ['-v']])('%s asks for the version', (flag) => {
    expect(parseCommandLine([flag])).toEqual({ kind: 'version' });
  });
});
