import { drained } from './drained';
import { runCli } from './run';

/** The shell's code for a writer whose reader went away (killed by SIGPIPE: 128 + 13), as `git log | head` gives. */
const READER_GONE = 141;

// `ml-lanes plan | head`: once the reader has what it wanted, stop at once and quietly, as Unix tools do; without
// this Node throws the EPIPE as an unhandled error with a stack, and the run would go on writing for nobody.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(READER_GONE);
});

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stdoutDrained: () => drained(process.stdout),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug, not a user mistake: show the stack so it can be reported.
    console.error(error);
    process.exitCode = 1;
  },
);
