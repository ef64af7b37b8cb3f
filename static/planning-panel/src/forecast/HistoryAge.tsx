import type { ForecastView } from '../../../../src/contract/forecast-view';
import { plural } from '../../../shared/src/format';
import { daysBetween, formatAge, formatDay } from './forecast-format';

/** How old the cached history is and what it covers: "History read 3 hours ago, last 90 days, 6 closed sprints". */
export function HistoryAge({
  history,
  now,
  locale,
}: {
  history: ForecastView['history'];
  now: number;
  locale: string | undefined;
}) {
  const age = formatAge(history.readAt, now, locale);
  const span = daysBetween(history.from, history.to);
  const window = span === null ? `${history.from} – ${history.to}` : `last ${plural(span + 1, 'day')}`;
  const sprints =
    history.closedSprints === 0 ? 'no closed sprint' : plural(history.closedSprints, 'closed sprint');
  return (
    <p
      className="mll-fc-history"
      data-testid="forecast-history"
      title={`Done work from ${formatDay(history.from, locale)} to ${formatDay(history.to, locale)}, read from Jira at ${history.readAt}`}
    >
      History read {age ?? 'at an unknown time'}, {window}, {sprints}
    </p>
  );
}
