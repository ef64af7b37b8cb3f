import { useCallback, useMemo } from 'react';
import type { PanelPlan } from '../../../../src/contract/panel-plan';
import { ResolverErrorView } from '../../../shared/src/States';
import {
  BlockedHandoffs,
  buildModel,
  EmptySprint,
  IncompleteWarnings,
  LaneStrip,
  useResolver,
} from '../from-panel';
import { openPlanningPanel } from '../gadget-bridge';
import { planPayload, type GadgetConfig } from '../gadget-config';
import { GadgetHeader } from './GadgetHeader';
import { GadgetLoading } from './States';

/** How many blocked handoffs a dashboard column has room for; the rest are in the planning panel. */
export const SHOWN_HANDOFFS = 3;

/** Loads the configured sprint's plan (getPlan, as the viewer) and shows it, or says why it cannot. */
export function SprintGadget({ config, locale }: { config: GadgetConfig; locale: string | undefined }) {
  const payload = useMemo(() => planPayload(config), [config]);
  const { state, retry } = useResolver('getPlan', payload);
  switch (state.status) {
    case 'idle':
    case 'loading':
      return <GadgetLoading />;
    case 'error':
      return <ResolverErrorView error={state.error} what="the sprint" onRetry={retry} />;
    case 'ready':
      return (
        <GadgetPlan
          plan={state.data}
          config={config}
          locale={locale}
          onRefresh={retry}
          refreshing={state.refreshing}
        />
      );
  }
}

interface GadgetPlanProps {
  plan: PanelPlan;
  config: GadgetConfig;
  locale: string | undefined;
  onRefresh: () => void;
  refreshing: boolean;
}

/** The panel's design in a dashboard column: the numbers, the first blocked handoffs, then the lanes. */
export function GadgetPlan({ plan, config, locale, onRefresh, refreshing }: GadgetPlanProps) {
  const model = useMemo(() => buildModel(plan), [plan]);
  const openPanel = useCallback(() => openPlanningPanel(config), [config]);
  const shown = model.blockedHandoffs.slice(0, SHOWN_HANDOFFS);
  const more = model.blockedHandoffs.length - shown.length;
  return (
    <div className="mll-gadget-body" data-testid="sprint-gadget">
      <GadgetHeader plan={plan} locale={locale} onRefresh={onRefresh} refreshing={refreshing} />
      <IncompleteWarnings
        warnings={plan.warnings}
        title="This sprint may be incomplete"
        testId="plan-warnings"
      />
      {model.scopeIssues.length === 0 ? (
        <EmptySprint sprintName={plan.scope.sprintName} />
      ) : (
        <>
          <BlockedHandoffs rows={shown} total={model.blockedHandoffs.length} />
          {more > 0 && (
            <button type="button" className="mll-gadget-more" onClick={openPanel} data-testid="more-handoffs">
              and {more.toLocaleString()} more in the planning panel
            </button>
          )}
          <section className="mll-gadget-lanes" aria-labelledby="mll-gadget-lanes-title">
            <h2 className="mll-section-title" id="mll-gadget-lanes-title">
              Lanes
            </h2>
            <LaneStrip columns={model.columns} onJump={openPanel} />
          </section>
        </>
      )}
    </div>
  );
}
