import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { SprintSelector } from '../jira/agile';

export type CliCommand =
  | {
      kind: 'plan';
      site: string;
      boardId: number;
      sprint: SprintSelector;
      configFile: string | null;
      format: 'json' | 'markdown';
      /** Longest one Jira request may take, headers and body. */
      timeoutMs: number;
      /** Longest the whole run may spend asking Jira. */
      deadlineMs: number;
    }
  | { kind: 'config-validate'; file: string }
  | { kind: 'config-defaults' }
  | { kind: 'help' };

/** A mistake in the command line: exit 2 with this message. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const DEFAULT_TIMEOUT_SECONDS = 30;
export const DEFAULT_DEADLINE_SECONDS = 300;
/** setTimeout cannot wait longer than ~24 days; nobody needs more than a day. */
const MAX_SECONDS = 86_400;

export const USAGE = `Usage:
  ml-lanes plan --site URL --board ID [--sprint ID|active|next] [--config FILE] [--format json|markdown]
                [--timeout SECONDS] [--deadline SECONDS]
  ml-lanes config validate FILE
  ml-lanes config defaults

Options of 'plan':
  --timeout SECONDS   longest one Jira request may take, answer included (default ${DEFAULT_TIMEOUT_SECONDS})
  --deadline SECONDS  longest the whole run may spend asking Jira (default ${DEFAULT_DEADLINE_SECONDS}); sprint issues
                      not loaded by then are left out and named in the plan's warnings

Environment: JIRA_EMAIL and JIRA_API_TOKEN (an Atlassian API token) authenticate 'plan'.
Exit codes: 0 ok (a plan with warnings says on stderr and in "warnings" what it may be missing);
  2 bad arguments or configuration;
  3 Jira unreachable, too slow, refusing the credentials, failing or answering nonsense, board or sprint not found.`;

export function parseCommandLine(argv: readonly string[]): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h')
    return { kind: 'help' };
  if (command === 'plan') return parsePlan(rest);
  if (command === 'config') return parseConfigCommand(rest);
  throw new UsageError(`unknown command "${command}" (expected plan or config)`);
}

function parsePlan(args: string[]): CliCommand {
  const { values } = parseStrict(args, {
    site: { type: 'string' },
    board: { type: 'string' },
    sprint: { type: 'string' },
    config: { type: 'string' },
    format: { type: 'string' },
    timeout: { type: 'string' },
    deadline: { type: 'string' },
  });
  if (!values.site)
    throw new UsageError('--site is required (e.g. --site https://your-domain.atlassian.net)');
  if (!values.board) throw new UsageError('--board is required (the board id, a number)');
  return {
    kind: 'plan',
    site: parseSite(values.site),
    boardId: parsePositiveInt('--board', values.board),
    sprint: parseSprint(values.sprint),
    configFile: values.config ?? null,
    format: parseFormat(values.format),
    timeoutMs: parseSeconds('--timeout', values.timeout, DEFAULT_TIMEOUT_SECONDS) * 1000,
    deadlineMs: parseSeconds('--deadline', values.deadline, DEFAULT_DEADLINE_SECONDS) * 1000,
  };
}

function parseConfigCommand(args: string[]): CliCommand {
  const [sub, ...rest] = args;
  if (sub === 'defaults' && rest.length === 0) return { kind: 'config-defaults' };
  if (sub === 'validate' && rest.length === 1 && rest[0]) return { kind: 'config-validate', file: rest[0] };
  throw new UsageError('expected "config validate FILE" or "config defaults"');
}

function parseStrict<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
}

function parseSite(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--site "${value}" is not a URL (e.g. https://your-domain.atlassian.net)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`--site "${value}" must be an http(s) URL`);
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function parsePositiveInt(flag: string, value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${flag} must be a positive whole number, not "${value}"`);
  }
  return Number(value);
}

function parseSeconds(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || seconds <= 0 || seconds > MAX_SECONDS) {
    throw new UsageError(
      `${flag} must be a number of seconds above 0 and at most ${MAX_SECONDS}, not "${value}"`,
    );
  }
  return seconds;
}

function parseSprint(value: string | undefined): SprintSelector {
  if (value === undefined) return 'default';
  if (value === 'active' || value === 'next') return value;
  if (/^\d+$/.test(value)) return parsePositiveInt('--sprint', value);
  throw new UsageError(`--sprint must be a sprint id, "active" or "next", not "${value}"`);
}

function parseFormat(value: string | undefined): 'json' | 'markdown' {
  if (value === undefined || value === 'json' || value === 'markdown') return value ?? 'json';
  throw new UsageError(`--format must be json or markdown, not "${value}"`);
}
