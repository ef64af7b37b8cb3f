import Lozenge from '@atlaskit/lozenge';
import WarningIcon from '@atlaskit/icon/core/warning';
import type { LaneCapacityView, LaneHistoryView } from '../../../../src/contract/forecast-view';
import { plural } from '../../../shared/src/format';
import { formatPoints } from '../format';
import { CapacityBar } from './CapacityBar';
import { capacityFigures, capacityTone, type CapacityTone } from './capacity';
import type { ForecastLane } from './forecast-lanes';
import { formatDay, formatShare } from './forecast-format';

export interface LaneCapacityListProps {
  lanes: ForecastLane[];
  endDate: string | null;
  locale: string | undefined;
}

const TONE: Record<
  Exclude<CapacityTone, 'unknown'>,
  { appearance: 'success' | 'moved' | 'removed'; words: string }
> = {
  fits: { appearance: 'success', words: 'Within its median' },
  stretch: { appearance: 'moved', words: 'Above its median' },
  over: { appearance: 'removed', words: 'Above its 85%' },
};

/** Per lane: the capacity check (bar and sentence), WIP against its limit, its history and its own forecast. */
export function LaneCapacityList({ lanes, endDate, locale }: LaneCapacityListProps) {
  const anyHistory = lanes.some((lane) => lane.capacity?.completedPointsP85 != null);
  return (
    <section className="mll-fc-panel" aria-labelledby="mll-fc-lanes-title" data-testid="forecast-lanes">
      <h3 className="mll-fc-subtitle" id="mll-fc-lanes-title">
        Capacity check per lane
      </h3>
      {anyHistory && (
        <p className="mll-section-note mll-fc-cap-legend">
          <span className="mll-fc-key mll-fc-key--fill" aria-hidden="true" /> committed{' '}
          <span className="mll-fc-key mll-fc-key--band" aria-hidden="true" /> finished in past sprints, median
          to {formatShare(0.85, locale)} <span className="mll-fc-key mll-fc-key--tick" aria-hidden="true" />{' '}
          configured capacity
        </p>
      )}
      <ul className="mll-fc-lanes">
        {lanes.map((lane) => (
          <li key={lane.id} className="mll-fc-lane" data-testid="forecast-lane" data-lane={lane.id}>
            <LaneRow lane={lane} endDate={endDate} locale={locale} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function LaneRow({
  lane,
  endDate,
  locale,
}: {
  lane: ForecastLane;
  endDate: string | null;
  locale: string | undefined;
}) {
  const figures = lane.capacity ? capacityFigures(lane.capacity) : null;
  const tone = figures ? capacityTone(figures) : 'unknown';
  return (
    <>
      <div className="mll-fc-lane-head">
        <h4 className="mll-fc-lane-name">{lane.name}</h4>
        {tone !== 'unknown' && <Lozenge appearance={TONE[tone].appearance}>{TONE[tone].words}</Lozenge>}
      </div>
      <div className="mll-fc-lane-capacity">
        {figures && <CapacityBar figures={figures} />}
        {lane.capacity && (
          <p className="mll-fc-sentence" data-testid="capacity-sentence">
            {lane.capacity.sentence}
          </p>
        )}
        <p className="mll-fc-quiet">
          {[configuredWords(lane.capacity), historyWords(lane.history, locale)].filter(Boolean).join(' · ')}
        </p>
      </div>
      <div className="mll-fc-lane-side">
        <LaneOdds lane={lane} endDate={endDate} locale={locale} />
        {lane.capacity && <Wip capacity={lane.capacity} />}
      </div>
    </>
  );
}

function LaneOdds({
  lane,
  endDate,
  locale,
}: {
  lane: ForecastLane;
  endDate: string | null;
  locale: string | undefined;
}) {
  const forecast = lane.forecast;
  if (!forecast) {
    return (
      <p className="mll-fc-quiet">
        {lane.history?.method === 'none' ? 'Not forecast: no history' : 'Not forecast'}
      </p>
    );
  }
  if (forecast.remainingIssues === 0) return <p className="mll-fc-quiet">Nothing left to do</p>;
  const done = endDate ? forecast.doneBySprintEnd : null;
  return (
    <div className="mll-fc-odds" data-testid="lane-odds">
      {done && (
        <p className="mll-fc-odds-main">
          <strong>{formatShare(done.value, locale)}</strong> likely done by the end
        </p>
      )}
      <p className="mll-fc-quiet">
        {plural(forecast.remainingIssues, 'issue')} left
        {forecast.finish
          ? ` · ${formatShare(0.85, locale)} by ${formatDay(forecast.finish.p85, locale)}`
          : ''}
      </p>
      {forecast.finishedLast > 0 && (
        <p className="mll-fc-quiet">
          Finishes last in {formatShare(forecast.finishedLast, locale)} of trials
        </p>
      )}
    </div>
  );
}

function Wip({ capacity }: { capacity: LaneCapacityView }) {
  const { inProgress, wipLimit } = capacity;
  if (wipLimit === null)
    return <p className="mll-fc-quiet">{inProgress.toLocaleString()} in progress, no WIP limit</p>;
  if (inProgress > wipLimit) {
    return (
      <p className="mll-flag mll-flag--danger mll-fc-wip" data-testid="wip-over">
        <WarningIcon label="" size="small" color="currentColor" />
        {inProgress.toLocaleString()} in progress, over the WIP limit of {wipLimit.toLocaleString()}
      </p>
    );
  }
  return (
    <p className="mll-fc-quiet">
      {inProgress.toLocaleString()} in progress, WIP limit {wipLimit.toLocaleString()}
    </p>
  );
}

function configuredWords(capacity: LaneCapacityView | null): string | null {
  if (!capacity || capacity.capacity === null) return null;
  return `Configured capacity ${formatPoints(capacity.capacity)} points`;
}

function historyWords(history: LaneHistoryView | null, locale: string | undefined): string | null {
  if (!history) return null;
  const cycle =
    history.cycleTimeP50 !== null && history.cycleTimeP85 !== null
      ? `cycle time ${history.cycleTimeP50} (median) – ${history.cycleTimeP85} (${formatShare(0.85, locale)}) days`
      : null;
  switch (history.method) {
    case 'none':
      return 'No history for this lane';
    case 'cycle-time':
      return [
        `Only ${plural(history.throughputDays, 'working day')} of throughput: simulated from ${plural(history.cycleTimeSamples, 'cycle time')}`,
        cycle,
      ]
        .filter(Boolean)
        .join(', ');
    case 'throughput':
      return [
        `${history.doneIssues.toLocaleString()} done in ${plural(history.throughputDays, 'working day')}`,
        cycle,
        history.blockedDays > 0 ? plural(history.blockedDays, 'blocked day') : null,
      ]
        .filter(Boolean)
        .join(', ');
  }
}
