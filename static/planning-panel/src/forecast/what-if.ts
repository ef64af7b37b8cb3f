/**
 * The what-if knobs as pure changes: each returns a new WhatIf (the view's own is never mutated), with lanes at
 * their full throughput left out, so "back to 100%" is the same question as never having asked.
 */
import type { WhatIf } from '../../../../src/contract/forecast-view';

export const NO_WHAT_IF: Readonly<WhatIf> = Object.freeze({ excludedKeys: [], laneThroughput: {} });

/** The throughput shares the panel offers; a share the CLI asked for (e.g. 0.6) is offered as well. */
export const THROUGHPUT_SHARES: readonly number[] = [1, 0.75, 0.5, 0.25];

export function withLaneThroughput(whatIf: WhatIf, lane: string, share: number): WhatIf {
  const laneThroughput = { ...whatIf.laneThroughput };
  if (share === 1) delete laneThroughput[lane];
  else laneThroughput[lane] = share;
  return { excludedKeys: [...whatIf.excludedKeys], laneThroughput };
}

/** Takes `key` out of scope (inScope false) or puts it back (true). */
export function withScope(whatIf: WhatIf, key: string, inScope: boolean): WhatIf {
  const others = whatIf.excludedKeys.filter((excluded) => excluded !== key);
  return {
    excludedKeys: inScope ? others : [...others, key],
    laneThroughput: { ...whatIf.laneThroughput },
  };
}

export function laneShare(whatIf: WhatIf, lane: string): number {
  return whatIf.laneThroughput[lane] ?? 1;
}

/** True when the what-if asks anything of the forecast. */
export function isWhatIfSet(whatIf: WhatIf): boolean {
  return whatIf.excludedKeys.length > 0 || Object.values(whatIf.laneThroughput).some((share) => share !== 1);
}

/** The shares to offer for a lane: the usual ones plus the one in force, largest first. */
export function sharesFor(current: number): number[] {
  const shares = THROUGHPUT_SHARES.includes(current)
    ? [...THROUGHPUT_SHARES]
    : [...THROUGHPUT_SHARES, current];
  return shares.sort((a, b) => b - a);
}
