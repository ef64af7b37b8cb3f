import { useId } from 'react';
import ChainIcon from '@atlaskit/icon/core/data-flow';
import type { WhatIf } from '../../../../src/contract/forecast-view';
import { KeyLink } from '../../../shared/src/KeyLink';
import type { ScopeCandidate } from './scope-candidates';
import { withScope } from './what-if';

/** Take an issue out of the sprint's scope (or put it back) and see the forecast without it. */
export function ScopeWhatIf({
  candidates,
  whatIf,
  onChange,
}: {
  candidates: ScopeCandidate[];
  whatIf: WhatIf;
  onChange: (next: WhatIf) => void;
}) {
  const id = useId();
  const excluded = new Set(whatIf.excludedKeys);
  return (
    <fieldset className="mll-fc-fieldset" data-testid="whatif-scope">
      <legend className="mll-fc-legend-title">In scope</legend>
      {candidates.length === 0 ? (
        <p className="mll-fc-quiet">No critical chain or aging issue to take out.</p>
      ) : (
        <ul className="mll-fc-rows">
          {candidates.map((candidate) => {
            const inScope = !excluded.has(candidate.key);
            const inputId = `${id}-${candidate.key}`;
            return (
              <li
                key={candidate.key}
                className={inScope ? 'mll-fc-row mll-fc-scope' : 'mll-fc-row mll-fc-scope mll-fc-scope--out'}
                data-testid="scope-item"
                data-key={candidate.key}
              >
                <input
                  id={inputId}
                  type="checkbox"
                  className="mll-fc-checkbox"
                  checked={inScope}
                  aria-label={`${candidate.key} in scope`}
                  onChange={(event) => onChange(withScope(whatIf, candidate.key, event.target.checked))}
                />
                <KeyLink issueKey={candidate.key} />
                <label htmlFor={inputId} className="mll-fc-row-summary">
                  {candidate.summary}
                </label>
                <span className="mll-markers">
                  {!inScope && <span className="mll-fc-tag">Out of scope</span>}
                  {candidate.onCriticalChain && (
                    <span className="mll-marker mll-marker--critical">
                      <ChainIcon label="" size="small" color="currentColor" />
                      Critical chain
                    </span>
                  )}
                  {candidate.aging && <span className="mll-fc-tag mll-fc-tag--aging">Aging</span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
