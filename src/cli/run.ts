import { readFile } from 'node:fs/promises';
import { defaultConfig } from '../config/defaults';
import { parseConfigText, type ConfigProblem } from '../config/parse';
import type { MlLanesConfig } from '../config/schema';
import type { PlanView } from '../contract/plan-view';
import { buildPlan } from '../domain/plan';
import { JiraClient, type RetryNotice } from '../jira/client';
import { createBasicAuthSeam } from '../jira/fetch-seam';
import { loadPlanSnapshot } from '../jira/load-plan-snapshot';
import { parseCommandLine, USAGE, UsageError, type CliCommand } from './args';
import { renderMarkdown } from './markdown';
import { writeJson } from './plan-json';
import { JiraError } from '../errors';

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 2;
export const EXIT_JIRA = 3;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
}

/** A failure the user can fix: one line on stderr, then this exit code. */
class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** Runs one `ml-lanes` command; returns the exit code. Expected failures print one line, never a stack. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    await execute(parseCommandLine(argv), io);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) return fail(io, error.message, EXIT_BAD_INPUT);
    if (error instanceof CliFailure) return fail(io, error.message, error.exitCode);
    if (error instanceof JiraError) return fail(io, error.message, EXIT_JIRA);
    throw error;
  }
}

async function execute(command: CliCommand, io: CliIo): Promise<void> {
  switch (command.kind) {
    case 'help':
      io.stdout(`${USAGE}\n`);
      return;
    case 'config-defaults':
      io.stdout(`${JSON.stringify(defaultConfig(), null, 2)}\n`);
      return;
    case 'config-validate':
      await loadConfigFile(command.file);
      io.stdout(`${command.file}: valid ML Lanes configuration\n`);
      return;
    case 'plan':
      await plan(command, io);
      return;
  }
}

async function plan(command: Extract<CliCommand, { kind: 'plan' }>, io: CliIo): Promise<void> {
  const config = command.configFile ? await loadConfigFile(command.configFile) : defaultConfig();
  const client = new JiraClient(createBasicAuthSeam({ site: command.site, ...credentials(io.env) }), {
    requestTimeoutMs: command.timeoutMs,
    deadline: Date.now() + command.deadlineMs,
    onRetry: (notice) => io.stderr(`ml-lanes: ${describeRetry(notice)}\n`),
  });
  let view: PlanView;
  try {
    const snapshot = await loadPlanSnapshot(client, {
      site: command.site,
      boardId: command.boardId,
      sprint: command.sprint,
      config,
    });
    view = buildPlan(snapshot, config);
  } catch (error) {
    // The error line must be the last word: nothing queued or in flight may run (or print) after it.
    client.abort(error instanceof Error ? error : new Error(String(error)));
    if (error instanceof JiraError && error.code === 'timeout') {
      throw new CliFailure(
        `${error.message}; limits: --timeout ${command.timeoutMs / 1000} s a request, --deadline ${command.deadlineMs / 1000} s the run`,
        EXIT_JIRA,
      );
    }
    throw error;
  }
  for (const warning of view.warnings) io.stderr(`ml-lanes: warning: ${oneLine(warning)}\n`);
  if (command.format === 'json') {
    writeJson(view, io.stdout);
    io.stdout('\n');
  } else {
    io.stdout(renderMarkdown(view));
  }
}

function describeRetry(notice: RetryNotice): string {
  const wait = `retrying in ${Math.ceil(notice.delayMs / 1000)} s`;
  switch (notice.reason) {
    case 'rate-limited':
      return `Jira is rate-limiting (${notice.status ?? 429}); ${wait}`;
    case 'unavailable':
      return `Jira is unavailable (${notice.status ?? 503}); ${wait}`;
    case 'connection-reset':
      return `the connection to Jira was reset; ${wait}`;
  }
}

function credentials(env: CliIo['env']): { email: string; apiToken: string } {
  const email = env.JIRA_EMAIL?.trim();
  const apiToken = env.JIRA_API_TOKEN?.trim();
  if (!email || !apiToken) {
    throw new CliFailure(
      'set JIRA_EMAIL and JIRA_API_TOKEN (create a token at https://id.atlassian.com/manage-profile/security/api-tokens)',
      EXIT_BAD_INPUT,
    );
  }
  return { email, apiToken };
}

async function loadConfigFile(file: string): Promise<MlLanesConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliFailure(
      `cannot read config ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
      EXIT_BAD_INPUT,
    );
  }
  const result = parseConfigText(text);
  if (!result.ok) throw new CliFailure(describeProblems(file, result.problems), EXIT_BAD_INPUT);
  return result.config;
}

/** Every problem by its path, on one line so the "one line on stderr" rule holds. */
function describeProblems(file: string, problems: ConfigProblem[]): string {
  const list = problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ');
  return `invalid config ${file} (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${list}`;
}

function fail(io: CliIo, message: string, exitCode: number): number {
  io.stderr(`ml-lanes: ${oneLine(message)}\n`);
  return exitCode;
}

/** Whatever Jira put in a message, the CLI's promise is one line per problem. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
