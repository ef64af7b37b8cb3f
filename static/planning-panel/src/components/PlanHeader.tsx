import Button from '@atlaskit/button/new';
import RefreshIcon from '@atlaskit/icon/core/refresh';
import type { ReactNode } from 'react';
import type { PanelPlan } from '../../../../src/contract/panel-plan';
import { formatSprintDates } from '../format';
import { SprintStateLozenge, Stat } from './HeaderParts';
import { IncompleteWarnings } from './IncompleteWarnings';

export interface PlanHeaderProps {
  plan: PanelPlan;
  locale: string | undefined;
  onRefresh: () => void;
  refreshing: boolean;
  /** Shown under the numbers, inside the header: the lanes at a glance. */
  children?: ReactNode;
}

/** Which sprint this is, its goal and dates, and the plan's numbers at a glance. */
export function PlanHeader({ plan, locale, onRefresh, refreshing, children }: PlanHeaderProps) {
  const { scope, summary } = plan;
  return (
    <header className="mll-header" data-testid="plan-header">
      <div className="mll-header-top">
        <div className="mll-header-titles">
          <div className="mll-title-row">
            <h1 className="mll-title">{scope.sprintName}</h1>
            <SprintStateLozenge state={scope.sprintState} />
          </div>
          <p className="mll-meta">
            <span>{scope.boardName}</span>
            <span>{formatSprintDates(scope, locale)}</span>
          </p>
          {scope.sprintGoal && (
            <p className="mll-goal">
              <span className="mll-goal-label">Goal: </span>
              {scope.sprintGoal}
            </p>
          )}
        </div>
        <Button appearance="subtle" iconBefore={RefreshIcon} onClick={onRefresh} isLoading={refreshing}>
          Refresh
        </Button>
      </div>
      <dl className="mll-stats" aria-label="Sprint numbers">
        <Stat label="Issues" value={summary.issues.toLocaleString()} />
        <Stat
          label="Classified"
          value={`${summary.classified.toLocaleString()} of ${summary.issues.toLocaleString()}`}
        />
        <Stat label="Handoffs" value={summary.handoffs.toLocaleString()} />
        <Stat
          label="Blocked handoffs"
          value={summary.blockedHandoffs.toLocaleString()}
          tone={summary.blockedHandoffs > 0 ? 'danger' : undefined}
        />
        <Stat
          label="DoD items met"
          value={`${summary.dodMet.toLocaleString()} of ${summary.dodTotal.toLocaleString()}`}
          tone={summary.dodTotal > 0 && summary.dodMet === summary.dodTotal ? 'success' : undefined}
        />
      </dl>
      {children}
    </header>
  );
}

/** What the resolver could not load, so the person knows the plan may be incomplete. */
export function PlanWarnings({ warnings }: { warnings: string[] }) {
  return (
    <IncompleteWarnings warnings={warnings} title="This plan may be incomplete" testId="plan-warnings" />
  );
}
