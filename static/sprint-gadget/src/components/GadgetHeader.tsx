import Button from '@atlaskit/button/new';
import RefreshIcon from '@atlaskit/icon/core/refresh';
import type { PanelPlan } from '../../../../src/contract/panel-plan';
import { formatSprintDates, SprintStateLozenge, Stat } from '../from-panel';

/** The sprint, its board and dates, and three numbers: the planning panel's header, cut to a dashboard column. */
export function GadgetHeader({
  plan,
  locale,
  onRefresh,
  refreshing,
}: {
  plan: PanelPlan;
  locale: string | undefined;
  onRefresh: () => void;
  refreshing: boolean;
}) {
  const { scope, summary } = plan;
  const dodDone = summary.dodTotal > 0 && summary.dodMet === summary.dodTotal;
  return (
    <header className="mll-header" data-testid="plan-header">
      <div className="mll-header-top">
        <div className="mll-header-titles">
          <div className="mll-title-row">
            <h1 className="mll-title" data-testid="sprint-name">
              {scope.sprintName}
            </h1>
            <SprintStateLozenge state={scope.sprintState} />
          </div>
          <p className="mll-meta">
            <span>{scope.boardName}</span>
            <span data-testid="sprint-dates">{formatSprintDates(scope, locale)}</span>
          </p>
        </div>
        <Button
          appearance="subtle"
          spacing="compact"
          iconBefore={RefreshIcon}
          onClick={onRefresh}
          isLoading={refreshing}
        >
          Refresh
        </Button>
      </div>
      <dl className="mll-stats mll-gadget-stats" aria-label="Sprint numbers">
        <Stat testId="gadget-stat" label="Issues" value={summary.issues.toLocaleString()} />
        <Stat
          testId="gadget-stat"
          label="Blocked handoffs"
          value={summary.blockedHandoffs.toLocaleString()}
          tone={summary.blockedHandoffs > 0 ? 'danger' : undefined}
        />
        <Stat
          testId="gadget-stat"
          label="DoD items met"
          value={`${summary.dodMet.toLocaleString()} of ${summary.dodTotal.toLocaleString()}`}
          tone={dodDone ? 'success' : undefined}
        />
      </dl>
    </header>
  );
}
