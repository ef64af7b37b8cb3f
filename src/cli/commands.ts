/**
 * What `plan` and `config` do. Loaded only when one of them runs: `--help` and `--version` need none of it
 * (zod and the engine are most of the CLI's start-up).
 */
import { readFile } from 'node:fs/promises';
import { planSprint } from '../app/plan-sprint';
import { defaultConfig } from '../config/defaults';
import { parseConfigText } from '../config/parse';
import type { MlLanesConfig } from '../config/schema';
import { JiraError } from '../errors';
import { JiraClient, type RetryNotice } from '../jira/client';
import type { CliCommand } from './args';
import { CliFailure, EXIT_BAD_INPUT, EXIT_JIRA } from './failure';
import { createNodeHttpSeam } from './http-seam';
import { renderMarkdown } from './markdown';
import {
  explainInvalidConfig,
  explainJiraError,
  explainMissingCredentials,
  explainUnreadableFile,
  oneLine,
} from './messages';
import { writeJsonPaced } from './plan-json';
import type { CliIo } from './run';

export function printDefaults(io: CliIo): void {
  io.stdout(`${JSON.stringify(defaultConfig(), null, 2)}\n`);
}

export async function validateConfig(file: string, io: CliIo): Promise<void> {
  await loadConfigFile(file, 'the file name');
  io.stdout(`${file}: valid ML Lanes configuration\n`);
}

/** What every command that reads Jira takes from its command line. */
export interface JiraCommandOptions {
  site: string;
  configFile: string | null;
  format: 'json' | 'markdown';
  timeoutMs: number;
  deadlineMs: number;
}

/**
 * Runs a command that reads Jira: the configuration, a client within the command's time limits, `read`, then the
 * answer's warnings on stderr and the answer as JSON or Markdown. A Jira failure is one line, and nothing queued
 * or in flight runs after it.
 */
export async function runJiraCommand<T extends { warnings: readonly string[] }>(
  command: JiraCommandOptions,
  io: CliIo,
  read: (deps: { client: JiraClient; config: MlLanesConfig }) => Promise<T>,
  renderMarkdownOf: (answer: T) => string,
): Promise<void> {
  const config = command.configFile ? await loadConfigFile(command.configFile, '--config') : defaultConfig();
  const client = new JiraClient(createNodeHttpSeam({ site: command.site, ...credentials(io.env) }), {
    requestTimeoutMs: command.timeoutMs,
    deadline: Date.now() + command.deadlineMs,
    onRetry: (notice) => io.stderr(`ml-lanes: ${describeRetry(notice)}\n`),
  });
  let answer: T;
  try {
    answer = await read({ client, config });
  } catch (error) {
    // The error line must be the last word: nothing queued or in flight may run (or print) after it.
    client.abort(error instanceof Error ? error : new Error(String(error)));
    if (error instanceof JiraError) throw new CliFailure(explainJiraError(error, command), EXIT_JIRA);
    throw error;
  }
  for (const warning of answer.warnings) io.stderr(`ml-lanes: warning: ${oneLine(warning)}\n`);
  if (command.format === 'json') {
    await writeJsonPaced(answer, io.stdout, io.stdoutDrained ?? (() => Promise.resolve()));
    io.stdout('\n');
  } else {
    io.stdout(renderMarkdownOf(answer));
  }
}

export function plan(command: Extract<CliCommand, { kind: 'plan' }>, io: CliIo): Promise<void> {
  return runJiraCommand(
    command,
    io,
    (deps) => planSprint(deps, { site: command.site, boardId: command.boardId, sprint: command.sprint }),
    renderMarkdown,
  );
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
  if (!email || !apiToken) throw new CliFailure(explainMissingCredentials(), EXIT_BAD_INPUT);
  return { email, apiToken };
}

export async function loadConfigFile(file: string, check: string): Promise<MlLanesConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliFailure(
      explainUnreadableFile(file, (error as NodeJS.ErrnoException).code, check),
      EXIT_BAD_INPUT,
    );
  }
  const result = parseConfigText(text);
  if (!result.ok) throw new CliFailure(explainInvalidConfig(file, result.problems), EXIT_BAD_INPUT);
  return result.config;
}
