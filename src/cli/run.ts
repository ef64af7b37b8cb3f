import { readFile } from 'node:fs/promises';
import { defaultConfig } from '../config/defaults';
import { parseConfigText, type ConfigProblem } from '../config/parse';
import type { MlLanesConfig } from '../config/schema';
import { buildPlan } from '../domain/plan';
import { JiraClient } from '../jira/client';
import { JiraError } from '../jira/errors';
import { createBasicAuthSeam } from '../jira/fetch-seam';
import { loadPlanSnapshot } from '../jira/load-plan-snapshot';
import { parseCommandLine, USAGE, UsageError, type CliCommand } from './args';
import { renderMarkdown } from './markdown';
import { writeJson } from './plan-json';

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
    case 'plan': {
      const config = command.configFile ? await loadConfigFile(command.configFile) : defaultConfig();
      const client = new JiraClient(createBasicAuthSeam({ site: command.site, ...credentials(io.env) }), {
        onRetry: (notice) =>
          io.stderr(
            `Jira is rate-limiting (${notice.status}); retrying in ${Math.ceil(notice.delayMs / 1000)} s\n`,
          ),
      });
      const snapshot = await loadPlanSnapshot(client, {
        site: command.site,
        boardId: command.boardId,
        sprint: command.sprint,
        config,
      });
      const plan = buildPlan(snapshot, config);
      if (command.format === 'json') {
        writeJson(plan, io.stdout);
        io.stdout('\n');
      } else {
        io.stdout(renderMarkdown(plan));
      }
      return;
    }
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
  io.stderr(`ml-lanes: ${message}\n`);
  return exitCode;
}
