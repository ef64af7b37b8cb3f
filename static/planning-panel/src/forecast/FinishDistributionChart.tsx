import { useId } from 'react';
import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, Line } from '@visx/shape';
import type { FinishPercentiles, Probability } from '../../../../src/contract/forecast-view';
import { plural } from '../../../shared/src/format';
import { daysFrom, formatDay, formatShare, formatShortDay } from './forecast-format';
import { useElementWidth } from './use-element-width';

export interface FinishDistributionChartProps {
  /** Finish day → share of trials, in date order. */
  distribution: { date: string; share: number }[];
  finish: FinishPercentiles;
  endDate: string | null;
  doneBySprintEnd: Probability | null;
  trials: number;
  locale: string | undefined;
}

const HEIGHT = 220;
const MARGIN = { top: 28, right: 16, bottom: 28, left: 44 };
/** Room for one axis label ("12 Dec") and its gap. */
const LABEL_WIDTH = 52;

/**
 * When the trials finished: one bar per calendar day (days nobody finishes, like weekends, stay empty so the
 * axis is true to time), the sprint's end and the 85% date as lines. Screen readers get a summary and a table.
 */
export function FinishDistributionChart({
  distribution,
  finish,
  endDate,
  doneBySprintEnd,
  trials,
  locale,
}: FinishDistributionChartProps) {
  const { ref, width } = useElementWidth<HTMLDivElement>(560);
  const tableId = useId();
  const shares = new Map(distribution.map((day) => [day.date, day.share]));
  const known = distribution.map((day) => day.date);
  const first = [...known, finish.p50, ...(endDate ? [endDate] : [])].sort()[0] ?? finish.p50;
  const last = [...known, finish.p95, ...(endDate ? [endDate] : [])].sort().at(-1) ?? finish.p95;
  const days = daysFrom(first, last);

  const innerWidth = Math.max(120, width - MARGIN.left - MARGIN.right);
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = scaleBand<string>({ domain: days, range: [0, innerWidth], paddingInner: 0.2, paddingOuter: 0.1 });
  const highest = Math.max(0.01, ...distribution.map((day) => day.share));
  const y = scaleLinear<number>({ domain: [0, highest * 1.1], range: [innerHeight, 0], nice: true });
  /** The right edge of a day's slot: "by the end of Fri 4 Dec" includes Friday's bar. */
  const afterDay = (day: string) => (x(day) ?? 0) + x.bandwidth() + (x.step() - x.bandwidth()) / 2;
  const every = Math.max(1, Math.ceil(days.length / Math.max(1, Math.floor(innerWidth / LABEL_WIDTH))));
  const ticks = days.filter((_, index) => index % every === 0);

  const summary = describe({ finish, endDate, doneBySprintEnd, trials, locale });
  const endX = endDate ? afterDay(endDate) : null;
  const p85X = afterDay(finish.p85);
  const sameLine = endX !== null && Math.abs(endX - p85X) < 1;
  // The two labels point away from each other, and never off the chart's right edge.
  const endAnchor = anchorFor(endX ?? 0, endX !== null && p85X < endX ? 'start' : 'end', innerWidth);
  const p85Anchor = anchorFor(p85X, endX !== null && p85X < endX ? 'end' : 'start', innerWidth);

  return (
    <figure className="mll-fc-figure" data-testid="finish-chart">
      <figcaption className="mll-fc-figure-title">When the sprint's work finishes</figcaption>
      <div ref={ref} className="mll-fc-chart-box">
        <svg
          className="mll-fc-chart"
          width={width}
          height={HEIGHT}
          role="img"
          aria-label={summary}
          aria-describedby={tableId}
        >
          <Group left={MARGIN.left} top={MARGIN.top}>
            {y.ticks(4).map((tick) => (
              <Line
                key={tick}
                className="mll-fc-grid"
                from={{ x: 0, y: y(tick) }}
                to={{ x: innerWidth, y: y(tick) }}
              />
            ))}
            {days.map((day) => {
              const share = shares.get(day) ?? 0;
              if (share <= 0) return null;
              const late = endDate !== null && day > endDate;
              return (
                <Bar
                  key={day}
                  className={late ? 'mll-fc-bar mll-fc-bar--late' : 'mll-fc-bar'}
                  x={x(day) ?? 0}
                  y={y(share)}
                  width={x.bandwidth()}
                  height={innerHeight - y(share)}
                  rx={2}
                />
              );
            })}
            {endX !== null && endDate && (
              <Marker
                x={endX}
                height={innerHeight}
                className="mll-fc-marker mll-fc-marker--end"
                label={sameLine ? `Sprint ends · ${formatShare(0.85, locale)}` : 'Sprint ends'}
                anchor={endAnchor}
              />
            )}
            {!sameLine && (
              <Marker
                x={p85X}
                height={innerHeight}
                className="mll-fc-marker mll-fc-marker--p85"
                label={`${formatShare(0.85, locale)} likely`}
                anchor={p85Anchor}
              />
            )}
            <AxisLeft
              scale={y}
              numTicks={4}
              hideAxisLine
              hideTicks
              axisClassName="mll-fc-axis"
              tickFormat={(value) => formatShare(Number(value), locale)}
              tickLabelProps={{ className: 'mll-fc-tick', textAnchor: 'end', dx: -4, dy: '0.33em' }}
            />
            <AxisBottom
              scale={x}
              top={innerHeight}
              tickValues={ticks}
              hideTicks
              axisClassName="mll-fc-axis"
              axisLineClassName="mll-fc-axis-line"
              tickFormat={(day) => formatShortDay(day, locale)}
              tickLabelProps={{ className: 'mll-fc-tick', textAnchor: 'middle', dy: 4 }}
            />
          </Group>
        </svg>
      </div>
      <p className="mll-fc-legend" aria-hidden="true">
        <span className="mll-fc-swatch" /> finished by the end of the sprint{' '}
        <span className="mll-fc-swatch mll-fc-swatch--late" /> after it · share of {plural(trials, 'trial')}{' '}
        per day
      </p>
      <table className="mll-sr-only" id={tableId}>
        <caption>Share of the {plural(trials, 'trial')} finishing on each day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Share of trials</th>
          </tr>
        </thead>
        <tbody>
          {distribution.map((day) => (
            <tr key={day.date}>
              <th scope="row">
                {formatDay(day.date, locale)}
                {endDate && day.date > endDate ? ' (after the sprint ends)' : ''}
              </th>
              <td>{formatShare(day.share, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** A label reaching past the right edge is turned to the line's left, and one reaching past the left edge to its right. */
function anchorFor(x: number, wanted: 'start' | 'end', innerWidth: number): 'start' | 'end' {
  if (wanted === 'start' && x + LABEL_WIDTH * 1.6 > innerWidth) return 'end';
  if (wanted === 'end' && x - LABEL_WIDTH * 1.6 < 0) return 'start';
  return wanted;
}

function Marker({
  x,
  height,
  className,
  label,
  anchor,
}: {
  x: number;
  height: number;
  className: string;
  label: string;
  anchor: 'start' | 'end';
}) {
  return (
    <g className={className}>
      <line x1={x} x2={x} y1={-8} y2={height} />
      <text x={anchor === 'end' ? x - 4 : x + 4} y={-14} textAnchor={anchor} dominantBaseline="middle">
        {label}
      </text>
    </g>
  );
}

function describe({
  finish,
  endDate,
  doneBySprintEnd,
  trials,
  locale,
}: Omit<FinishDistributionChartProps, 'distribution'>): string {
  const dates = `${formatShare(0.5, locale)} of ${plural(trials, 'trial')} finish by ${formatDay(finish.p50, locale)}, ${formatShare(0.85, locale)} by ${formatDay(finish.p85, locale)}, ${formatShare(0.95, locale)} by ${formatDay(finish.p95, locale)}`;
  if (!endDate) return `Finish dates: ${dates}. The sprint has no end date.`;
  const byEnd = doneBySprintEnd
    ? `; ${formatShare(doneBySprintEnd.value, locale)} of trials finish by then`
    : '';
  return `Finish dates: ${dates}. The sprint ends ${formatDay(endDate, locale)}${byEnd}.`;
}
