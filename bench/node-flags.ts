/**
 * The Node flags `bin/ml-lanes` starts the CLI with (its `#!/usr/bin/env -S node …` line), read from the file itself so
 * that the bench measures the planner and the CLI as users run them, and says which flags those were.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const BIN = join(__dirname, '../../bin/ml-lanes');

export function cliNodeFlags(): string[] {
  const line = /^#!\/usr\/bin\/env -S node (.*)$/.exec(readFileSync(BIN, 'utf8').split('\n')[0] ?? '');
  if (!line?.[1])
    throw new Error(`${BIN}: no first line \`#!/usr/bin/env -S node <flags>\` to read the flags from`);
  return line[1].split(/\s+/).filter((flag) => flag !== '');
}
