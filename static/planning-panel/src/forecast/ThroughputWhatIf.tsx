import { useId } from 'react';
import type { WhatIf } from '../../../../src/contract/forecast-view';
import type { ForecastLane } from './forecast-lanes';
import { formatShare } from './forecast-format';
import { laneShare, sharesFor, withLaneThroughput } from './what-if';

/** Per lane: "what if its throughput drops to N% of its history" (the labeling-tool bug halves the data lane). */
export function ThroughputWhatIf({
  lanes,
  whatIf,
  onChange,
  locale,
}: {
  lanes: ForecastLane[];
  whatIf: WhatIf;
  onChange: (next: WhatIf) => void;
  locale: string | undefined;
}) {
  const id = useId();
  return (
    <fieldset className="mll-fc-fieldset" data-testid="whatif-throughput">
      <legend className="mll-fc-legend-title">Throughput, as a share of each lane's history</legend>
      <div className="mll-fc-throughputs">
        {lanes.map((lane) => {
          const share = laneShare(whatIf, lane.id);
          return (
            <label key={lane.id} className="mll-field mll-fc-throughput" htmlFor={`${id}-${lane.id}`}>
              {lane.name}
              <select
                id={`${id}-${lane.id}`}
                className={
                  share === 1 ? 'mll-select mll-fc-select' : 'mll-select mll-fc-select mll-fc-select--changed'
                }
                aria-label={`${lane.name} throughput`}
                data-lane={lane.id}
                value={String(share)}
                onChange={(event) =>
                  onChange(withLaneThroughput(whatIf, lane.id, Number(event.target.value)))
                }
              >
                {sharesFor(share).map((option) => (
                  <option key={option} value={String(option)}>
                    {formatShare(option, locale)}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
