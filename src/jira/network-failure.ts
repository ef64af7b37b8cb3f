import { JiraError } from '../errors';

/** Where the exchange was when the network failed: before Jira's headers arrived, or while reading the body. */
export type ExchangePhase = 'headers' | 'body';

/** Node's fetch (undici) and Forge report a connection closed under them with these codes and words. */
const CONNECTION_RESET = /ECONNRESET|UND_ERR_SOCKET|\bterminated\b|other side closed|socket hang up/i;

/**
 * A failed exchange as a typed error, and whether it was a connection reset: a reset is often one flaky hop
 * (a proxy recycling connections), worth one more try; a refused connection or a bad address is not.
 */
export function describeNetworkFailure(
  endpoint: string,
  error: unknown,
  phase: ExchangePhase,
): { error: JiraError; reset: boolean } {
  const chain = causeChain(error);
  const reset = chain.some(
    (each) => CONNECTION_RESET.test(codeOf(each)) || CONNECTION_RESET.test(messageOf(each)),
  );
  // The innermost cause says what happened ("connect ECONNREFUSED ...", "other side closed").
  const detail = chain.map(messageOf).filter(Boolean).at(-1) ?? String(error);
  const message =
    phase === 'headers'
      ? `cannot reach Jira (${endpoint}): ${detail}`
      : `the connection to Jira broke while reading its answer (${endpoint}): ${detail}`;
  return { error: new JiraError('unreachable', message, null, endpoint), reset };
}

function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let each = error; each !== undefined && chain.length < 5; each = (each as { cause?: unknown }).cause) {
    chain.push(each);
    if (typeof each !== 'object' || each === null) break;
  }
  return chain;
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : typeof error === 'string' ? error : '';
}
