import type { WhatIf } from '../../../../src/contract/forecast-view';
import { formatShare } from './forecast-format';
import { isWhatIfSet } from './what-if';

/** Says which what-if the figures shown were computed with, so nobody takes them for the plan's own forecast. */
export function WhatIfInForce({
  whatIf,
  laneName,
  locale,
}: {
  whatIf: WhatIf;
  laneName: (id: string) => string;
  locale: string | undefined;
}) {
  if (!isWhatIfSet(whatIf)) return null;
  const lanes = Object.entries(whatIf.laneThroughput)
    .filter(([, share]) => share !== 1)
    .map(([lane, share]) => `${laneName(lane)} at ${formatShare(share, locale)} throughput`);
  const keys = whatIf.excludedKeys;
  const scope = keys.length === 0 ? [] : [`${keys.join(', ')} out of scope`];
  return (
    <p className="mll-fc-in-force" data-testid="what-if-in-force">
      <strong>What if:</strong> {[...lanes, ...scope].join('; ')}. Nothing is written to Jira.
    </p>
  );
}
