/**
 * Live validation in the browser with the server's own validator (src/config), so every problem shows while the
 * admin edits, and Save stays disabled until the whole document is valid.
 */
import type { ConfigProblemView } from '../../../../src/contract/admin-api';
import { parseConfig } from '../../../../src/config/parse';

export function validateConfig(config: unknown): ConfigProblemView[] {
  const result = parseConfig(config);
  return result.ok ? [] : result.problems;
}
