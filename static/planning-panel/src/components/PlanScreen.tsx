import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { PanelPlan } from '../../../../src/contract/panel-plan';
import { ForecastLoader } from '../forecast/ForecastLoader';
import { applyFilters, buildModel, NO_FILTERS, type Filters } from '../model';
import { BlockedHandoffs } from './BlockedHandoffs';
import { FiltersBar } from './Filters';
import { CriticalChain, HandoffMap, OutsideSprint } from './HandoffMap';
import { LaneBoard, laneColumnId } from './LaneBoard';
import { LaneStrip } from './LaneStrip';
import { PlanHeader, PlanWarnings } from './PlanHeader';
import { EmptySprint } from './States';

export const PLAN_RECEIVED_MARK = 'ml-lanes:plan-received';
export const PLAN_RENDERED_MARK = 'ml-lanes:plan-rendered';

export function mark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
}

export interface PlanScreenProps {
  plan: PanelPlan;
  locale: string | undefined;
  onRefresh: () => void;
  refreshing: boolean;
}

/** The planning panel proper: header, lanes at a glance, filters, blocked handoffs first, the lane map, the lanes. */
export function PlanScreen({ plan, locale, onRefresh, refreshing }: PlanScreenProps) {
  const model = useMemo(() => buildModel(plan), [plan]);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  // Typing-speed feedback on the controls even when thousands of cards have to be filtered.
  const deferredFilters = useDeferredValue(filters);
  const view = useMemo(() => applyFilters(model, deferredFilters), [model, deferredFilters]);

  useEffect(() => {
    mark(PLAN_RENDERED_MARK);
  }, [plan]);

  // The lane strip's jump: another lane's filter is cleared first, so the column may appear a render later.
  const [jump, setJump] = useState<string | null>(null);
  const jumpToLane = useCallback((laneId: string) => {
    setFilters((current) =>
      current.lane === 'all' || current.lane === laneId ? current : { ...current, lane: 'all' },
    );
    setJump(laneId);
  }, []);
  useEffect(() => {
    if (jump === null) return;
    const column = document.getElementById(laneColumnId(jump));
    if (!column) return;
    column.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
    column.focus({ preventScroll: true });
    setJump(null);
  }, [jump, view]);

  const empty = model.scopeIssues.length === 0;
  return (
    <>
      <PlanHeader plan={plan} locale={locale} onRefresh={onRefresh} refreshing={refreshing}>
        {!empty && <LaneStrip columns={model.columns} onJump={jumpToLane} />}
      </PlanHeader>
      <PlanWarnings warnings={plan.warnings} />
      {empty ? (
        <EmptySprint sprintName={plan.scope.sprintName} />
      ) : (
        <>
          {/* Sprint planning's agenda: the goal (header), the capacity check (forecast), then dependencies. */}
          <ForecastLoader boardId={plan.scope.boardId} sprintId={plan.scope.sprintId} locale={locale} />
          <FiltersBar
            columns={model.columns}
            filters={filters}
            onChange={setFilters}
            shown={view.shown}
            total={view.total}
          />
          <div className="mll-overview">
            <BlockedHandoffs rows={view.handoffs} total={model.blockedHandoffs.length} />
            <div className="mll-section">
              <CriticalChain keys={model.criticalChain} />
              <HandoffMap matrix={model.matrix} />
              <OutsideSprint issues={model.outside} />
            </div>
          </div>
          <LaneBoard columns={view.columns} criticalSet={model.criticalSet} />
        </>
      )}
    </>
  );
}
