import { useId } from 'react';
import type { Column, Filters } from '../model';

export interface FiltersBarProps {
  columns: Column[];
  filters: Filters;
  onChange: (next: Filters) => void;
  shown: number;
  total: number;
}

/** Lane, "Blocked only" and "DoD incomplete": they narrow both the lane cards and the blocked handoffs. */
export function FiltersBar({ columns, filters, onChange, shown, total }: FiltersBarProps) {
  const blockedId = useId();
  const dodId = useId();
  const lanes = [{ id: 'all', name: 'All lanes', color: null as string | null }, ...columns];
  return (
    <section className="mll-toolbar" aria-label="Filters">
      <div className="mll-segmented" role="group" aria-label="Lane" data-testid="filter-lane">
        {lanes.map((lane) => (
          <button
            key={lane.id}
            type="button"
            className="mll-segment"
            aria-pressed={filters.lane === lane.id}
            data-lane={lane.id}
            onClick={() => onChange({ ...filters, lane: lane.id })}
          >
            {lane.id !== 'all' && (
              <span
                className="mll-dot"
                style={lane.color ? { background: lane.color } : undefined}
                aria-hidden="true"
              />
            )}
            {lane.name}
          </button>
        ))}
      </div>
      <label className="mll-check" htmlFor={blockedId}>
        <input
          id={blockedId}
          type="checkbox"
          data-testid="filter-blocked"
          checked={filters.blockedOnly}
          onChange={(event) => onChange({ ...filters, blockedOnly: event.target.checked })}
        />
        Blocked only
      </label>
      <label className="mll-check" htmlFor={dodId}>
        <input
          id={dodId}
          type="checkbox"
          data-testid="filter-dod-incomplete"
          checked={filters.dodIncomplete}
          onChange={(event) => onChange({ ...filters, dodIncomplete: event.target.checked })}
        />
        DoD incomplete
      </label>
      <span className="mll-shown" role="status" data-testid="shown-count">
        {shown.toLocaleString()} of {total.toLocaleString()} issues shown
      </span>
    </section>
  );
}
