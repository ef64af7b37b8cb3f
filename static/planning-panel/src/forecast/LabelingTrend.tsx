import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, Line } from '@visx/shape';
import type { LeadingIndicatorsView } from '../../../../src/contract/forecast-view';
import { formatNumber, formatShare, formatShortDay } from './forecast-format';
import { useElementWidth } from './use-element-width';

type Labeling = NonNullable<LeadingIndicatorsView['labelingThroughput']>;

const HEIGHT = 72;

/** The leading indicator: the labeling lane's done issues per week, last week against the window's rate. */
export function LabelingTrend({
  labeling,
  laneName,
  locale,
}: {
  labeling: Labeling | null;
  laneName: (id: string) => string;
  locale: string | undefined;
}) {
  return (
    <div className="mll-fc-indicator" data-testid="labeling-trend">
      <h4 className="mll-fc-minor-title">Labeling throughput</h4>
      {labeling ? (
        <LabelingFigures labeling={labeling} lane={laneName(labeling.lane)} locale={locale} />
      ) : (
        <p className="mll-fc-quiet">No labeling history to show.</p>
      )}
    </div>
  );
}

function LabelingFigures({
  labeling,
  lane,
  locale,
}: {
  labeling: Labeling;
  lane: string;
  locale: string | undefined;
}) {
  const { ref, width } = useElementWidth<HTMLDivElement>(280);
  const { weeks, trend } = labeling;
  const x = scaleBand<string>({
    domain: weeks.map((week) => week.weekStart),
    range: [0, width],
    padding: 0.25,
  });
  const highest = Math.max(1, ...weeks.map((week) => week.done));
  const y = scaleLinear<number>({ domain: [0, highest], range: [HEIGHT - 2, 4] });
  const average = weeks.length > 0 ? weeks.reduce((sum, week) => sum + week.done, 0) / weeks.length : 0;
  const first = weeks[0];
  const last = weeks.at(-1);
  const summary =
    first && last
      ? `${lane} lane, done issues per week from the week of ${formatShortDay(first.weekStart, locale)} to the week of ${formatShortDay(last.weekStart, locale)}: ${weeks.map((week) => week.done).join(', ')}. The dashed line is the window's weekly average, ${formatNumber(average, locale)}.`
      : `${lane} lane: no full week in the window.`;
  return (
    <>
      <p className="mll-fc-trend">
        <span className="mll-fc-trend-figure">{formatNumber(labeling.perDay, locale)}</span> done issues a
        working day in the {lane} lane
        {trend !== null && (
          <>
            ;{' '}
            <span className={trend < 0.8 ? 'mll-fc-late' : undefined} data-testid="labeling-trend-figure">
              last week {formatShare(trend, locale)} of that{trendWord(trend)}
            </span>
          </>
        )}
      </p>
      {weeks.length > 0 && (
        <div ref={ref} className="mll-fc-chart-box">
          <svg className="mll-fc-chart" width={width} height={HEIGHT} role="img" aria-label={summary}>
            <Group>
              {weeks.map((week, index) => (
                <Bar
                  key={week.weekStart}
                  className={
                    index === weeks.length - 1
                      ? 'mll-fc-bar mll-fc-bar--latest'
                      : 'mll-fc-bar mll-fc-bar--muted'
                  }
                  x={x(week.weekStart) ?? 0}
                  y={y(week.done)}
                  width={x.bandwidth()}
                  height={Math.max(0, HEIGHT - 2 - y(week.done))}
                  rx={1}
                />
              ))}
              <Line
                className="mll-fc-average"
                from={{ x: 0, y: y(average) }}
                to={{ x: width, y: y(average) }}
              />
              <Line
                className="mll-fc-baseline"
                from={{ x: 0, y: HEIGHT - 1 }}
                to={{ x: width, y: HEIGHT - 1 }}
              />
            </Group>
          </svg>
        </div>
      )}
      {first && last && (
        <p className="mll-fc-axis-note" aria-hidden="true">
          <span>Week of {formatShortDay(first.weekStart, locale)}</span>
          <span>dashed: weekly average</span>
          <span>Week of {formatShortDay(last.weekStart, locale)}</span>
        </p>
      )}
    </>
  );
}

function trendWord(trend: number): string {
  if (trend < 0.8) return ', slowing down';
  if (trend > 1.2) return ', speeding up';
  return ', steady';
}
