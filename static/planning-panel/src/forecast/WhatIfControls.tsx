import Button from '@atlaskit/button/new';
import type { WhatIf } from '../../../../src/contract/forecast-view';
import type { ForecastLane } from './forecast-lanes';
import type { ScopeCandidate } from './scope-candidates';
import { ScopeWhatIf } from './ScopeWhatIf';
import { ThroughputWhatIf } from './ThroughputWhatIf';
import { isWhatIfSet, NO_WHAT_IF } from './what-if';

export interface WhatIfControlsProps {
  lanes: ForecastLane[];
  candidates: ScopeCandidate[];
  whatIf: WhatIf;
  onChange: (next: WhatIf) => void;
  locale: string | undefined;
}

/** The knobs a Scrum Master turns in planning; the forecast follows, and nothing is written to Jira. */
export function WhatIfControls({ lanes, candidates, whatIf, onChange, locale }: WhatIfControlsProps) {
  return (
    <section
      className="mll-fc-panel mll-fc-whatif"
      aria-labelledby="mll-fc-whatif-title"
      data-testid="what-if"
    >
      <div className="mll-fc-panel-head">
        <h3 className="mll-fc-subtitle" id="mll-fc-whatif-title">
          What if…
        </h3>
        {isWhatIfSet(whatIf) && (
          <Button
            appearance="subtle"
            spacing="compact"
            onClick={() => onChange({ excludedKeys: [], laneThroughput: { ...NO_WHAT_IF.laneThroughput } })}
          >
            Back to the plan
          </Button>
        )}
      </div>
      <p className="mll-section-note">
        Change the plan here to see the forecast move. Nothing is written to Jira.
      </p>
      <ThroughputWhatIf lanes={lanes} whatIf={whatIf} onChange={onChange} locale={locale} />
      <ScopeWhatIf candidates={candidates} whatIf={whatIf} onChange={onChange} />
    </section>
  );
}
