import { Fragment } from 'react';
import ChainIcon from '@atlaskit/icon/core/data-flow';
import type { ForecastView } from '../../../../src/contract/forecast-view';
import { KeyLink } from '../../../shared/src/KeyLink';
import { formatDay, formatShare } from './forecast-format';

type Forecast = NonNullable<ForecastView['forecast']>;

/** The critical chain's own odds, and the lane that most often finishes last: where the sprint is decided. */
export function CriticalChainForecast({
  forecast,
  endDate,
  locale,
}: {
  forecast: Forecast;
  endDate: string | null;
  locale: string | undefined;
}) {
  const { criticalChain, mostOftenLast } = forecast;
  const done = endDate ? criticalChain.doneBySprintEnd : null;
  return (
    <div className="mll-fc-chain-block">
      {criticalChain.keys.length > 0 && (
        <div className="mll-chain mll-fc-chain" data-testid="forecast-critical-chain">
          <span className="mll-chain-label">
            <ChainIcon label="" size="small" color="currentColor" />
            Critical chain
          </span>
          <ol aria-label="Critical chain, upstream first">
            {criticalChain.keys.map((key, index) => (
              <Fragment key={key}>
                {index > 0 && (
                  <li aria-hidden="true" className="mll-arrow">
                    →
                  </li>
                )}
                <li>
                  <KeyLink issueKey={key} />
                </li>
              </Fragment>
            ))}
          </ol>
          <span className="mll-fc-chain-odds">
            {done && endDate
              ? `${formatShare(done.value, locale)} likely done by ${formatDay(endDate, locale)}; `
              : ''}
            {formatShare(0.85, locale)} by {formatDay(criticalChain.finish.p85, locale)}
          </span>
        </div>
      )}
      {mostOftenLast && (
        <p className="mll-fc-line" data-testid="forecast-most-often-last">
          <strong>{mostOftenLast.laneName}</strong> is the lane that most often finishes last (
          {formatShare(mostOftenLast.share, locale)} of trials).
        </p>
      )}
    </div>
  );
}
