import { memo, useRef, type CSSProperties } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import WarningIcon from '@atlaskit/icon/core/warning';
import type { PanelIssue } from '../../../../src/contract/panel-plan';
import { plural } from '../../../shared/src/format';
import { formatPoints, points } from '../format';
import { UNCLASSIFIED, type Column } from '../model';
import { IssueCard } from './IssueCard';

/** Above this many cards a column renders only the cards in view. */
export const VIRTUALIZE_AFTER = 40;
const CARD_ESTIMATE = 150;

export interface LaneBoardProps {
  columns: Column[];
  criticalSet: ReadonlySet<string>;
}

/** The id of a lane's column, for the lane strip to scroll to. */
export function laneColumnId(laneId: string): string {
  return `mll-lane-column-${laneId}`;
}

export function LaneBoard({ columns, criticalSet }: LaneBoardProps) {
  return (
    <section aria-labelledby="mll-lanes-title">
      <h2 id="mll-lanes-title" className="mll-sr-only">
        Lanes
      </h2>
      <div className="mll-board">
        {columns.map((column) => (
          <LaneColumn key={column.id} column={column} criticalSet={criticalSet} />
        ))}
      </div>
    </section>
  );
}

const LaneColumn = memo(function LaneColumn({
  column,
  criticalSet,
}: {
  column: Column;
  criticalSet: ReadonlySet<string>;
}) {
  const style = column.color ? ({ '--mll-lane-color': column.color } as CSSProperties) : undefined;
  const headingId = `mll-lane-${column.id}`;
  const virtual = column.issues.length > VIRTUALIZE_AFTER;
  return (
    <section
      className="mll-column"
      id={laneColumnId(column.id)}
      tabIndex={-1}
      style={style}
      data-testid="lane-column"
      data-lane={column.id}
      aria-labelledby={headingId}
    >
      <ColumnHeader column={column} headingId={headingId} />
      {column.issues.length === 0 ? (
        <p className="mll-column-empty">
          {column.total > 0
            ? 'No issue here matches the filters.'
            : column.id === UNCLASSIFIED
              ? 'Every issue matched a lane rule.'
              : 'No issues in this lane.'}
        </p>
      ) : virtual ? (
        <VirtualCards column={column} criticalSet={criticalSet} />
      ) : (
        <div className="mll-column-body">
          <ul className="mll-cards">
            {column.issues.map((issue) => (
              <li key={issue.key}>
                <IssueCard
                  issue={issue}
                  onCriticalChain={criticalSet.has(issue.key)}
                  showLaneRule={column.id === UNCLASSIFIED}
                />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
});

function ColumnHeader({ column, headingId }: { column: Column; headingId: string }) {
  const shown = column.issues.length;
  const countLabel =
    shown === column.total
      ? plural(shown, 'issue')
      : `${shown.toLocaleString()} of ${plural(column.total, 'issue')} shown`;
  return (
    <div className="mll-column-head">
      <h3 className="mll-column-name" id={headingId}>
        <span className="mll-lane-head">{column.name}</span>
        <span className="mll-column-count" aria-label={countLabel} title={countLabel}>
          {shown === column.total
            ? shown.toLocaleString()
            : `${shown.toLocaleString()}/${column.total.toLocaleString()}`}
        </span>
      </h3>
      <div className="mll-column-stats">
        {column.lane ? <LaneNumbers column={column} /> : <span>{points(column.points)}</span>}
      </div>
    </div>
  );
}

function LaneNumbers({ column }: { column: Column }) {
  const lane = column.lane;
  if (!lane) return null;
  return (
    <>
      <span>
        {lane.capacity !== null
          ? `${formatPoints(lane.storyPoints)} of ${points(lane.capacity)} capacity`
          : points(lane.storyPoints)}
        {lane.wipLimit !== null
          ? ` · ${lane.inProgress} of ${lane.wipLimit} WIP`
          : ` · ${lane.inProgress} in progress`}
      </span>
      {lane.dodTotal > 0 && <LaneDod met={lane.dodMet} total={lane.dodTotal} />}
      {lane.overCapacity && lane.capacity !== null && (
        <span className="mll-flag mll-flag--danger">
          <WarningIcon label="" size="small" color="currentColor" />
          Over capacity by {points(lane.storyPoints - lane.capacity)}
        </span>
      )}
      {lane.overWipLimit && lane.wipLimit !== null && (
        <span className="mll-flag">
          <WarningIcon label="" size="small" color="currentColor" />
          Over WIP limit by {lane.inProgress - lane.wipLimit}
        </span>
      )}
    </>
  );
}

/** The lane's Definition of Done readiness this sprint: items met of all items, across its in-scope issues. */
function LaneDod({ met, total }: { met: number; total: number }) {
  const percent = Math.round((met / total) * 100);
  const label = `Definition of Done: ${met.toLocaleString()} of ${total.toLocaleString()} items met in this lane`;
  return (
    <span
      className={met === total ? 'mll-lane-dod mll-lane-dod--done' : 'mll-lane-dod'}
      data-testid="lane-dod"
      title={label}
    >
      <span aria-hidden="true">
        DoD {met.toLocaleString()}/{total.toLocaleString()}
      </span>
      <span className="mll-sr-only">{label}</span>
      <span className="mll-bar" aria-hidden="true">
        <span style={{ width: `${percent}%` }} />
      </span>
    </span>
  );
}

/** A long column: only the cards in view (and a few around them) are in the DOM. */
function VirtualCards({ column, criticalSet }: { column: Column; criticalSet: ReadonlySet<string> }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const issues: PanelIssue[] = column.issues;
  const virtualizer = useVirtualizer({
    count: issues.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_ESTIMATE,
    overscan: 6,
    getItemKey: (index) => issues[index]?.key ?? index,
  });
  return (
    <div
      ref={scrollRef}
      className="mll-column-body mll-column-body--virtual"
      tabIndex={0}
      aria-label={`${column.name} cards`}
    >
      <div className="mll-vlist" role="list" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const issue = issues[item.index];
          if (!issue) return null;
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              role="listitem"
              aria-setsize={issues.length}
              aria-posinset={item.index + 1}
              className="mll-vitem"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <IssueCard
                issue={issue}
                onCriticalChain={criticalSet.has(issue.key)}
                showLaneRule={column.id === UNCLASSIFIED}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
