import { useCallback, useMemo, useState } from 'react';
import Spinner from '@atlaskit/spinner';
import type { ForecastView, WhatIf } from '../../../../src/contract/forecast-view';
import { AgingWork } from './AgingWork';
import { BacktestLine } from './BacktestLine';
import { CriticalChainForecast } from './CriticalChainForecast';
import { FinishDistributionChart } from './FinishDistributionChart';
import { ForecastHeadline } from './ForecastHeadline';
import { forecastLanes, laneNamer } from './forecast-lanes';
import { ForecastWarnings } from './ForecastWarnings';
import { HistoryAge } from './HistoryAge';
import { LabelingForecast } from './LabelingForecast';
import { LaneCapacityList } from './LaneCapacityList';
import { LeadingIndicators } from './LeadingIndicators';
import { NoForecast } from './NoForecast';
import { scopeCandidates } from './scope-candidates';
import { isWhatIfSet } from './what-if';
import { WhatIfControls } from './WhatIfControls';
import { WhatIfInForce } from './WhatIfInForce';

export interface ForecastSectionProps {
  view: ForecastView;
  /** Called with the whole what-if at each change; the caller asks for the forecast again with it. */
  onWhatIfChange: (whatIf: WhatIf) => void;
  /** A forecast for a newer what-if is being computed: the figures shown are the previous ones. */
  busy: boolean;
  /** The person's locale as Intl wants it (App's `toIntlLocale(context.locale)`); the browser's when left out. */
  locale?: string | undefined;
}

/**
 * Will this sprint make it? The forecast of the sprint's work from the team's own history: the answer first, the
 * finish-date distribution, the capacity check per lane, the what-if knobs, aging work and leading indicators.
 */
export function ForecastSection({ view, onWhatIfChange, busy, locale }: ForecastSectionProps) {
  // The knobs show the latest choice at once, even while the forecast for it (or an older one) is computed; a
  // new view replaces the choice only once nothing newer is pending.
  const [whatIf, setWhatIf] = useState<WhatIf>(view.whatIf);
  const [seenView, setSeenView] = useState(view);
  if (seenView !== view) {
    setSeenView(view);
    if (!busy) setWhatIf(view.whatIf);
  }
  const change = useCallback(
    (next: WhatIf) => {
      setWhatIf(next);
      onWhatIfChange(next);
    },
    [onWhatIfChange],
  );

  const lanes = useMemo(() => forecastLanes(view), [view]);
  const laneName = useMemo(() => laneNamer(lanes), [lanes]);
  const candidates = useMemo(() => scopeCandidates(view, whatIf), [view, whatIf]);
  const { forecast, scope } = view;
  const showWhatIf = forecast !== null || isWhatIfSet(whatIf) || isWhatIfSet(view.whatIf);

  return (
    <section
      className={busy ? 'mll-fc mll-fc--busy' : 'mll-fc'}
      aria-labelledby="mll-fc-title"
      aria-busy={busy}
      data-testid="forecast-section"
    >
      <header className="mll-fc-head">
        <h2 className="mll-section-title" id="mll-fc-title">
          Forecast
        </h2>
        <HistoryAge history={view.history} now={Date.now()} locale={locale} />
        <span className="mll-fc-status" role="status">
          {busy && (
            <>
              <Spinner size="small" label="" /> Re-forecasting…
            </>
          )}
        </span>
      </header>
      <ForecastWarnings warnings={view.warnings} />
      {forecast ? (
        <div className="mll-fc-top">
          <div className="mll-fc-summary mll-fc-result">
            <WhatIfInForce whatIf={view.whatIf} laneName={laneName} locale={locale} />
            <ForecastHeadline scope={scope} forecast={forecast} trials={view.trials} locale={locale} />
            <CriticalChainForecast forecast={forecast} endDate={scope.endDate} locale={locale} />
            <BacktestLine backtest={view.backtest} locale={locale} />
          </div>
          <div className="mll-fc-result">
            <FinishDistributionChart
              distribution={forecast.distribution}
              finish={forecast.finish}
              endDate={scope.endDate}
              doneBySprintEnd={forecast.doneBySprintEnd}
              trials={view.trials}
              locale={locale}
            />
          </div>
        </div>
      ) : (
        <NoForecast reason={view.noForecastReason} />
      )}
      <div className="mll-fc-columns">
        <div className="mll-fc-result">
          <LaneCapacityList lanes={lanes} endDate={scope.endDate} locale={locale} />
          {view.labeling && <LabelingForecast labeling={view.labeling} locale={locale} />}
        </div>
        <div className="mll-fc-aside">
          {showWhatIf && (
            <WhatIfControls
              lanes={lanes}
              candidates={candidates}
              whatIf={whatIf}
              onChange={change}
              locale={locale}
            />
          )}
          <AgingWork
            issues={view.indicators.agingWork}
            laneHistory={view.history.lanes.some((lane) => lane.cycleTimeP85 !== null)}
            laneName={laneName}
            locale={locale}
          />
          <LeadingIndicators indicators={view.indicators} laneName={laneName} locale={locale} />
        </div>
      </div>
    </section>
  );
}
