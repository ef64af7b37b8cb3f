import { formatPoints } from '../format';
import { capacityTone, type CapacityFigures } from './capacity';

/**
 * A bullet bar: the band is what the lane finished in past sprints (median to 85%), the bar what it committed,
 * the tick its configured capacity. Decoration for the sentence beside it, which says the same in words.
 */
export function CapacityBar({ figures }: { figures: CapacityFigures }) {
  const { committed, median, p85, configured, unit } = figures;
  const top = Math.max(committed, p85 ?? 0, configured ?? 0, 1) * 1.1;
  const at = (value: number): string => `${Math.min(100, (value / top) * 100).toFixed(2)}%`;
  const tone = capacityTone(figures);
  const short = unit === 'points' ? 'pts' : committed === 1 ? 'issue' : 'issues';
  return (
    <div className="mll-fc-cap" aria-hidden="true" data-testid="capacity-bar" data-tone={tone}>
      <div className="mll-fc-cap-track">
        {median !== null && p85 !== null && (
          <span
            className="mll-fc-cap-band"
            style={{ left: at(median), width: `calc(${at(p85)} - ${at(median)})` }}
          />
        )}
        <span className={`mll-fc-cap-fill mll-fc-cap-fill--${tone}`} style={{ width: at(committed) }} />
        {configured !== null && <span className="mll-fc-cap-tick" style={{ left: at(configured) }} />}
      </div>
      <span className="mll-fc-cap-value">
        {formatPoints(committed)} {short}
      </span>
    </div>
  );
}
