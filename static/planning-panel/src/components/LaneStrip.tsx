import type { CSSProperties } from 'react';
import BlockedIcon from '@atlaskit/icon/core/priority-blocker';
import { plural } from '../../../shared/src/format';
import { UNCLASSIFIED, type Column } from '../model';

export interface LaneStripProps {
  columns: Column[];
  /** Scrolls to a lane's column (clearing another lane's filter first). */
  onJump: (laneId: string) => void;
}

/**
 * Every lane in one compact row under the header, so that its issue and blocked counts are above the fold even
 * when the lane columns are not; each opens its lane. Counts are the sprint's, whatever the filters.
 */
export function LaneStrip({ columns, onJump }: LaneStripProps) {
  const lanes = columns.filter((column) => column.id !== UNCLASSIFIED || column.total > 0);
  return (
    <nav className="mll-lane-strip" aria-label="Lanes at a glance" data-testid="lane-strip">
      <ul>
        {lanes.map((column) => {
          const style = column.color ? ({ '--mll-lane-color': column.color } as CSSProperties) : undefined;
          const counts = `${plural(column.total, 'issue')}, ${column.blocked.toLocaleString()} blocked`;
          return (
            <li key={column.id}>
              <button
                type="button"
                className="mll-strip-lane"
                style={style}
                data-testid="lane-strip-item"
                data-lane={column.id}
                aria-label={`${column.name}: ${counts}. Go to the lane.`}
                title={`${column.name}: ${counts}`}
                onClick={() => onJump(column.id)}
              >
                <span className="mll-strip-name">{column.name}</span>
                <span className="mll-strip-count" data-testid="lane-strip-issues">
                  {column.total.toLocaleString()}
                </span>
                {column.blocked > 0 && (
                  <span className="mll-strip-blocked" data-testid="lane-strip-blocked">
                    <BlockedIcon label="" size="small" color="currentColor" />
                    {column.blocked.toLocaleString()} blocked
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
