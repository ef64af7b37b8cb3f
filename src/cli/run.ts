import { JiraError } from '../errors';
import { parseCommandLine, UsageError, type CliCommand } from './args';
import { CliFailure, EXIT_BAD_INPUT, EXIT_JIRA, EXIT_OK } from './failure';
import { oneLine } from './messages';
import { usage } from './usage';
import { packageVersion } from './version';

export { EXIT_BAD_INPUT, EXIT_JIRA, EXIT_OK };

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
}

/** Runs one `ml-lanes` command; returns the exit code. Expected failures print one line, never a stack. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    await execute(parseCommandLine(argv), io);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError || error instanceof CliFailure) {
      io.stderr(`ml-lanes: ${oneLine(error.message)}\n`);
      return error instanceof CliFailure ? error.exitCode : EXIT_BAD_INPUT;
    }
    // Not expected outside `plan` (which explains its own); still one line, never a stack.
    if (error instanceof JiraError) {
      io.stderr(`ml-lanes: ${oneLine(error.message)}\n`);
      return EXIT_JIRA;
    }
    throw error;
  }
}

async function execute(command: CliCommand, io: CliIo): Promise<void> {
  switch (command.kind) {
    case 'help':
      io.stdout(`${usage(command.topic)}\n`);
      return;
    case 'version':
      io.stdout(`ml-lanes ${packageVersion()}\n`);
      return;
    case 'config-defaults':
      (await import('./commands.js')).printDefaults(io);
      return;
    case 'config-validate':
      await (await import('./commands.js')).validateConfig(command.file, io);
      return;
    case 'plan':
      await (await import('./commands.js')).plan(command, io);
      return;
    case 'forecast':
      await (await import('./forecast-command.js')).forecast(command, io);
      return;
    case 'backtest':
      await (await import('./backtest-command.js')).backtest(command, io);
      return;
    case 'deliver':
      await (await import('./deliver-command.js')).deliver(command, io);
      return;
  }
}
