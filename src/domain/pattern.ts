import { RE2JS, RE2JSSyntaxException } from 're2js';

/**
 * Admin-written regular expressions (lane rules on the summary, Definition-of-Done `matches` items), run by RE2
 * (re2js, pure JavaScript): a test takes time linear in the text, so no pattern can stall a plan. RE2 has no
 * back-references or look-arounds, the constructs that need backtracking. The caps bound the cost of one test:
 * at most MAX_PATTERN_INSTRUCTIONS steps per character, over at most MAX_TESTED_LENGTH characters.
 */

/** The longest pattern an admin may save. */
export const MAX_PATTERN_LENGTH = 500;
/** The largest compiled pattern (RE2 instructions); large repeat counts such as `.{999}` exceed it. */
export const MAX_PATTERN_INSTRUCTIONS = 1000;
/** Only this many characters of a text are tested; a longer text is tested on its beginning. */
export const MAX_TESTED_LENGTH = 10_000;

/** Said after a verdict about a text that was longer than MAX_TESTED_LENGTH. */
export const TESTED_PART = `(in its first ${MAX_TESTED_LENGTH.toLocaleString('en')} characters)`;

/** A compiled pattern: does it occur in the text (ignoring case)? */
export interface Pattern {
  test(text: string): boolean;
}

export type CompiledPattern = { ok: true; pattern: Pattern } | { ok: false; problem: string };

/** Whether a test reads only the beginning of this text. */
export function isCut(text: string): boolean {
  return text.length > MAX_TESTED_LENGTH;
}

/** Compiles an admin's pattern, case-insensitive; or says, in words for the admin, why it cannot run. */
export function compilePattern(source: string): CompiledPattern {
  if (source.length > MAX_PATTERN_LENGTH) {
    return {
      ok: false,
      problem: `a pattern is at most ${MAX_PATTERN_LENGTH} characters (this one has ${source.length})`,
    };
  }
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    return { ok: false, problem: compileProblem(error) };
  }
  const instructions = Number(compiled.re2().numberOfInstructions());
  if (instructions > MAX_PATTERN_INSTRUCTIONS) {
    return {
      ok: false,
      problem:
        `too large to test on every issue: it compiles to ${instructions} instructions, at most ` +
        `${MAX_PATTERN_INSTRUCTIONS} are allowed — use smaller repeat counts such as {n,m}`,
    };
  }
  return {
    ok: true,
    pattern: { test: (text) => compiled.test(isCut(text) ? text.slice(0, MAX_TESTED_LENGTH) : text) },
  };
}

/** Why a pattern cannot be used, or null when it can. */
export function patternProblem(source: string): string | null {
  const compiled = compilePattern(source);
  return compiled.ok ? null : compiled.problem;
}

function compileProblem(error: unknown): string {
  if (!(error instanceof RE2JSSyntaxException)) return `not a valid regular expression: ${String(error)}`;
  // re2js compiles "(?i)" + pattern for CASE_INSENSITIVE; the admin did not write that prefix.
  const engine = error.message.replace(/^error parsing regexp: /, '').replace('`(?i)', '`');
  // The part of the pattern RE2 stopped at, e.g. "\1" or "(?=".
  const at = (error.getPattern() ?? '').replace(/^\(\?i\)/, '');
  if (/^\\[1-9k]/.test(at) || /^\(\?<?[=!]/.test(at)) {
    return `not supported: back-references (\\1) and look-arounds ((?=…)) cannot run in linear time — ${engine}`;
  }
  if (/too large|too deeply/.test(engine)) return `too large to test on every issue: ${engine}`;
  if (at.startsWith('\\u')) return `not a valid regular expression: ${engine} (write \\u00e9 as \\x{00e9})`;
  return `not a valid regular expression: ${engine}`;
}
