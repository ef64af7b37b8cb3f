import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DELIVERY_ID_PATTERN, EVIDENCE_TOOLS, type EvidenceTool } from '../domain/evidence/evidence-event';
import type { SprintSelector } from '../jira/agile';
import { DEFAULT_DEADLINE_SECONDS, DEFAULT_TIMEOUT_SECONDS, type HelpTopic } from './usage';

export { DEFAULT_DEADLINE_SECONDS, DEFAULT_TIMEOUT_SECONDS };

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
  | {
      kind: 'forecast';
      site: string;
      boardId: number;
      sprint: SprintSelector;
      configFile: string | null;
      format: 'json' | 'markdown';
      timeoutMs: number;
      deadlineMs: number;
      historyDays: number;
      trials: number;
      seed: number | null;
      /** Forecast as if it were this day (noon UTC, the same calendar day almost everywhere), from the history before it. */
      asOf: Date | null;
    }
  | {
      kind: 'backtest';
      site: string;
      boardId: number;
      sprints: number;
      configFile: string | null;
      format: 'json' | 'markdown';
      timeoutMs: number;
      deadlineMs: number;
      historyDays: number;
      trials: number;
      seed: number | null;
      asOf: Date | null;
    }
  | {
      kind: 'deliver';
      tool: EvidenceTool;
      file: string;
      /** The tool's route of the web trigger (`…/mlflow`), local or deployed. */
      url: string;
      /** From --secret, else the ML_LANES_SECRET environment variable when the command runs. */
      secret: string | null;
      deliveryId: string | null;
      /** Change one byte after signing (see signedDelivery): the route must refuse it. */
      tamper: boolean;
      timeoutMs: number;
    }
  | { kind: 'config-validate'; file: string }
  | { kind: 'config-defaults' }
  | { kind: 'help'; topic: HelpTopic }
  | { kind: 'version' };

/** A mistake in the command line: exit 2 with this message (the cause, then what to do). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** setTimeout cannot wait longer than ~24 days; nobody needs more than a day. */
const MAX_SECONDS = 86_400;

const HELP_FLAGS: ReadonlySet<string> = new Set(['--help', '-h']);

export function parseCommandLine(argv: readonly string[]): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined || HELP_FLAGS.has(command)) return { kind: 'help', topic: 'general' };
  if (command === '--version' || command === '-v') return { kind: 'version' };
  if (command === 'help') return { kind: 'help', topic: helpTopic(rest[0]) };
  if (
    command === 'plan' ||
    command === 'config' ||
    command === 'forecast' ||
    command === 'backtest' ||
    command === 'deliver'
  ) {
    // Asking for help wins over whatever else is on the line, as in most tools.
    if (rest.some((arg) => HELP_FLAGS.has(arg))) return { kind: 'help', topic: command };
    if (command === 'deliver') return parseDeliver(rest);
    if (command === 'forecast') return parseForecast(rest);
    if (command === 'backtest') return parseBacktest(rest);
    return command === 'plan' ? parsePlan(rest) : parseConfigCommand(rest);
  }
  throw new UsageError(
    `unknown command "${command}"; the commands are plan, forecast, backtest, config and deliver (ml-lanes --help)`,
  );
}

function helpTopic(command: string | undefined): HelpTopic {
  if (command === undefined) return 'general';
  if (
    command === 'plan' ||
    command === 'config' ||
    command === 'forecast' ||
    command === 'backtest' ||
    command === 'deliver'
  )
    return command;
  throw new UsageError(
    `no help on "${command}"; the commands are plan, forecast, backtest, config and deliver`,
  );
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
    throw new UsageError(
      '--site is required; pass your Jira site, e.g. --site https://your-domain.atlassian.net',
    );
  if (!values.board)
    throw new UsageError("--board is required; pass the board's id, the number in its URL (.../boards/12)");
  return {
    kind: 'plan',
    site: parseSite(values.site),
    boardId: parsePositiveInt('--board', values.board, "pass the number in the board's URL (.../boards/12)"),
    sprint: parseSprint(values.sprint),
    configFile: values.config ?? null,
    format: parseFormat(values.format),
    timeoutMs: parseSeconds('--timeout', values.timeout, DEFAULT_TIMEOUT_SECONDS) * 1000,
    deadlineMs: parseSeconds('--deadline', values.deadline, DEFAULT_DEADLINE_SECONDS) * 1000,
  };
}

function parseForecast(args: string[], command: 'forecast' | 'backtest' = 'forecast'): CliCommand {
  const { values } = parseStrict(
    args,
    {
      site: { type: 'string' },
      board: { type: 'string' },
      sprint: { type: 'string' },
      config: { type: 'string' },
      format: { type: 'string' },
      timeout: { type: 'string' },
      deadline: { type: 'string' },
      'history-days': { type: 'string' },
      trials: { type: 'string' },
      seed: { type: 'string' },
      'as-of': { type: 'string' },
    },
    command,
  );
  const plan = parsePlan(
    Object.entries({
      site: values.site,
      board: values.board,
      sprint: values.sprint,
      config: values.config,
      format: values.format,
      timeout: values.timeout,
      deadline: values.deadline,
    }).flatMap(([flag, value]) => (value === undefined ? [] : [`--${flag}`, value])),
  );
  if (plan.kind !== 'plan') throw new Error('unreachable');
  const historyDays = parsePositiveInt(
    '--history-days',
    values['history-days'] ?? '90',
    'e.g. --history-days 90',
  );
  if (historyDays > 730) throw new UsageError(`--history-days ${historyDays} is too long; pass at most 730`);
  const trials = parsePositiveInt('--trials', values.trials ?? '10000', 'e.g. --trials 10000');
  if (trials > 1_000_000) throw new UsageError(`--trials ${trials} is too many; pass at most 1000000`);
  let seed: number | null = null;
  if (values.seed !== undefined) {
    if (!/^\d{1,10}$/.test(values.seed) || Number(values.seed) > 0xffffffff) {
      throw new UsageError(`--seed "${values.seed}" is not a seed; pass a whole number from 0 to 4294967295`);
    }
    seed = Number(values.seed);
  }
  return { ...plan, kind: 'forecast', historyDays, trials, seed, asOf: parseAsOf(values['as-of']) };
}

function parseBacktest(args: string[]): CliCommand {
  const sprintsAt = args.indexOf('--sprints');
  const sprintsText = sprintsAt >= 0 ? args[sprintsAt + 1] : undefined;
  if (sprintsAt >= 0 && sprintsText === undefined) {
    throw new UsageError(
      "option '--sprints <value>' argument missing; ml-lanes backtest --help lists the options",
    );
  }
  const rest = sprintsAt >= 0 ? [...args.slice(0, sprintsAt), ...args.slice(sprintsAt + 2)] : args;
  if (rest.includes('--sprint')) {
    throw new UsageError('backtest replays closed sprints; pass --sprints N (how many), not --sprint');
  }
  const forecast = parseForecast(rest, 'backtest');
  if (forecast.kind !== 'forecast') throw new Error('unreachable');
  const sprints = parsePositiveInt('--sprints', sprintsText ?? '6', 'e.g. --sprints 6');
  if (sprints > 26)
    throw new UsageError(`--sprints ${sprints} is too many; pass at most 26 (a year of two-week sprints)`);
  const { sprint: _sprint, ...shared } = forecast;
  return { ...shared, kind: 'backtest', sprints, trials: forecast.trials };
}

function parseDeliver(args: string[]): CliCommand {
  const { values } = parseStrict(
    args,
    {
      tool: { type: 'string' },
      file: { type: 'string' },
      url: { type: 'string' },
      secret: { type: 'string' },
      'delivery-id': { type: 'string' },
      tamper: { type: 'boolean' },
      timeout: { type: 'string' },
    },
    'deliver',
  );
  const tools = EVIDENCE_TOOLS.join(', ');
  if (!values.tool) throw new UsageError(`--tool is required; pass one of ${tools}`);
  const tool = EVIDENCE_TOOLS.find((each) => each === values.tool);
  if (!tool) throw new UsageError(`--tool "${values.tool}" is not a tool; pass one of ${tools}`);
  if (!values.file)
    throw new UsageError('--file is required; pass the JSON payload to send, e.g. --file payload.json');
  if (!values.url) {
    throw new UsageError(
      "--url is required; pass the tool's URL from the admin page's Connections, or the playground's",
    );
  }
  const deliveryId = values['delivery-id'] ?? null;
  if (deliveryId !== null && !DELIVERY_ID_PATTERN.test(deliveryId)) {
    throw new UsageError(
      `--delivery-id "${deliveryId}" is not a delivery id; use up to 128 letters, digits, ".", "_", ":" or "-"`,
    );
  }
  return {
    kind: 'deliver',
    tool,
    file: values.file,
    url: routeUrl(values.url, tool),
    secret: values.secret ?? null,
    deliveryId,
    tamper: values.tamper ?? false,
    timeoutMs: parseSeconds('--timeout', values.timeout, DEFAULT_TIMEOUT_SECONDS) * 1000,
  };
}

/** The tool's route: the URL as given when it already ends with `/<tool>`, else the trigger URL plus it. */
function routeUrl(value: string, tool: EvidenceTool): string {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // Said below.
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    throw new UsageError(
      `--url "${value}" is not the web trigger's http(s) URL; copy it from the admin page's Connections`,
    );
  }
  // W&B and Label Studio send the secret itself in a header: in the clear only to this machine.
  if (url.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) {
    throw new UsageError(
      `--url "${value}" is plain http to another machine; the secret or its signature would travel in the clear, so pass the https URL (http only to localhost)`,
    );
  }
  const base = url.origin + url.pathname.replace(/\/+$/, '');
  return base.endsWith(`/${tool}`) ? base : `${base}/${tool}`;
}

function parseAsOf(value: string | undefined): Date | null {
  if (value === undefined) return null;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`--as-of "${value}" is not a day; pass one as YYYY-MM-DD, e.g. --as-of 2026-11-02`);
  }
  return date;
}

function parseConfigCommand(args: string[]): CliCommand {
  const [sub, ...rest] = args;
  if (sub === 'defaults' && rest.length === 0) return { kind: 'config-defaults' };
  if (sub === 'validate' && rest.length === 1 && rest[0]) return { kind: 'config-validate', file: rest[0] };
  if (sub === 'validate' && rest.length === 0)
    throw new UsageError('config validate needs a file; run "ml-lanes config validate FILE"');
  const got = sub === undefined ? 'nothing' : `"${args.join(' ')}"`;
  throw new UsageError(
    `config expects "validate FILE" or "defaults", not ${got}; ml-lanes config --help shows both`,
  );
}

function parseStrict<O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
  command: 'plan' | 'forecast' | 'backtest' | 'deliver' = 'plan',
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError(
      `${firstSentence((error as Error).message)}; ml-lanes ${command} --help lists the options`,
    );
  }
}

/** node:util's messages run on ("Unknown option '--x'. To specify a positional ..."): keep the cause only. */
function firstSentence(message: string): string {
  const sentence = (message.split('\n')[0] ?? '').split(/\.\s/)[0]?.replace(/\.$/, '') ?? '';
  return sentence === '' ? 'invalid arguments' : sentence[0]!.toLowerCase() + sentence.slice(1);
}

function parseSite(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(
      `--site "${value}" is not a URL; pass the site's address, e.g. https://your-domain.atlassian.net`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(
      `--site "${value}" is not an http(s) URL; pass e.g. https://your-domain.atlassian.net`,
    );
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function parsePositiveInt(flag: string, value: string, fix: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${flag} "${value}" is not a positive whole number; ${fix}`);
  }
  return Number(value);
}

function parseSeconds(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || seconds <= 0 || seconds > MAX_SECONDS) {
    throw new UsageError(
      `${flag} "${value}" is not a number of seconds; pass one above 0 and at most ${MAX_SECONDS}, e.g. ${flag} 60`,
    );
  }
  return seconds;
}

function parseSprint(value: string | undefined): SprintSelector {
  if (value === undefined) return 'default';
  if (value === 'active' || value === 'next') return value;
  const fix = 'pass a sprint id, "active" or "next"';
  if (/^\d+$/.test(value)) return parsePositiveInt('--sprint', value, fix);
  throw new UsageError(`--sprint "${value}" is not a sprint; ${fix}`);
}

function parseFormat(value: string | undefined): 'json' | 'markdown' {
  if (value === undefined || value === 'json' || value === 'markdown') return value ?? 'json';
  throw new UsageError(`--format "${value}" is not a format; use json or markdown`);
}
