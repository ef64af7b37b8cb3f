import type { ForecastScope, ForecastView } from '../../../../src/contract/forecast-view';
import { plural } from '../../../shared/src/format';
import { daysBetween, formatDay, formatShare, formatStandardError } from './forecast-format';

type Forecast = NonNullable<ForecastView['forecast']>;

export interface ForecastHeadlineProps {
  scope: ForecastScope;
  forecast: Forecast;
  trials: number;
  locale: string | undefined;
}

/**
 * The answer first: how likely the sprint's work is done by its end, and the 85% date against that end, then
 * which work it forecasts from when (an active sprint's remaining work from today) and the other percentiles.
 */
export function ForecastHeadline({ scope, forecast, trials, locale }: ForecastHeadlineProps) {
  const { endDate } = scope;
  const done = endDate ? forecast.doneBySprintEnd : null;
  const p85 = formatDay(forecast.finish.p85, locale);
  return (
    <div className="mll-fc-headline" data-testid="forecast-headline">
      {done && endDate ? (
        <p className="mll-fc-lead">
          <span className="mll-fc-big">{formatShare(done.value, locale)}</span>{' '}
          <span className="mll-fc-lead-words">
            likely done by <strong>{formatDay(endDate, locale)}</strong>, the end of the sprint
          </span>{' '}
          <span
            className="mll-fc-error"
            title={`Monte Carlo standard error over ${trials.toLocaleString()} trials`}
          >
            {formatStandardError(done.standardError, locale)}
          </span>
        </p>
      ) : (
        <p className="mll-fc-lead">
          <span className="mll-fc-big">{formatShare(0.85, locale)}</span>{' '}
          <span className="mll-fc-lead-words">
            likely done by <strong>{p85}</strong>
          </span>
        </p>
      )}
      {endDate ? (
        <P85AgainstEnd p85={forecast.finish.p85} endDate={endDate} locale={locale} />
      ) : (
        <p className="mll-fc-line">
          This sprint has no end date, so there is no chance of finishing by it to give.
        </p>
      )}
      <p className="mll-fc-quiet">
        {scopeWords(scope, forecast.remainingIssues, locale)} · {plural(trials, 'trial')}
      </p>
      <dl className="mll-stats mll-fc-stats" aria-label="Finish dates">
        <Stat
          label={`${formatShare(0.5, locale)} likely by`}
          value={formatDay(forecast.finish.p50, locale)}
        />
        <Stat
          label={`${formatShare(0.85, locale)} likely by`}
          value={p85}
          late={endDate !== null && forecast.finish.p85 > endDate}
        />
        <Stat
          label={`${formatShare(0.95, locale)} likely by`}
          value={formatDay(forecast.finish.p95, locale)}
        />
        {endDate && <Stat label="Sprint ends" value={formatDay(endDate, locale)} />}
      </dl>
    </div>
  );
}

function P85AgainstEnd({
  p85,
  endDate,
  locale,
}: {
  p85: string;
  endDate: string;
  locale: string | undefined;
}) {
  const days = daysBetween(endDate, p85) ?? 0;
  const against =
    days > 0
      ? `${plural(days, 'day')} after the sprint ends`
      : days < 0
        ? `${plural(-days, 'day')} before the sprint ends`
        : 'the last day of the sprint';
  return (
    <p className={days > 0 ? 'mll-fc-line mll-fc-late' : 'mll-fc-line'} data-testid="forecast-p85">
      {formatShare(0.85, locale)} likely done by <strong>{formatDay(p85, locale)}</strong>: {against}
    </p>
  );
}

function scopeWords(scope: ForecastScope, remaining: number, locale: string | undefined): string {
  const issues = plural(remaining, 'issue');
  const asOf = formatDay(scope.asOf, locale);
  switch (scope.sprintState) {
    case 'active':
      return `Re-forecast of the remaining ${issues} from ${asOf}`;
    case 'future':
      return scope.startDate === scope.asOf
        ? `Forecast of ${issues} from the sprint's start, ${asOf}`
        : `Forecast of ${issues} as of ${asOf}`;
    case 'closed':
      return `Forecast of ${issues} as of ${asOf}, with the history before it`;
  }
}

function Stat({ label, value, late = false }: { label: string; value: string; late?: boolean }) {
  return (
    <div className={late ? 'mll-stat mll-fc-stat--late' : 'mll-stat'}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
