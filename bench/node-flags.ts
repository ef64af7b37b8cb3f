/**
 * The Node flags `bin/ml-lanes` starts the CLI with (its `exec node … "$0"` line), read from the file itself so
 * that the bench measures the planner and the CLI as users run them, and says which flags those were.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const BIN = join(__dirname, '../../bin/ml-lanes');

export function cliNodeFlags(): string[] {
  const line = /^':' \/\/; exec node (.*) "\$0" "\$@"$/m.exec(readFileSync(BIN, 'utf8'));
  if (!line?.[1])
    throw new Error(`${BIN}: no line \`':' //; exec node <flags> "$0" "$@"\` to read the flags from`);
  return line[1].split(/\s+/).filter((flag) => flag !== '');
}
