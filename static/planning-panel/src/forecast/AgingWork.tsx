import type { AgingIssueView } from '../../../../src/contract/forecast-view';
import { plural } from '../../../shared/src/format';
import { KeyLink } from '../../../shared/src/KeyLink';
import { formatShare } from './forecast-format';

/** In-progress issues older than their lane's 85th-percentile cycle time: the work to ask about at stand-up. */
export function AgingWork({
  issues,
  laneHistory,
  laneName,
  locale,
}: {
  issues: AgingIssueView[];
  /** Whether any lane has the cycle times that tell aging work apart. */
  laneHistory: boolean;
  laneName: (id: string) => string;
  locale: string | undefined;
}) {
  return (
    <section className="mll-fc-panel" aria-labelledby="mll-fc-aging-title" data-testid="aging-work">
      <h3 className="mll-fc-subtitle" id="mll-fc-aging-title">
        Aging work
      </h3>
      <p className="mll-section-note">In progress longer than the lane's 85th-percentile cycle time.</p>
      {issues.length === 0 ? (
        <p className="mll-none">
          {laneHistory
            ? 'No issue is in progress longer than its lane usually takes.'
            : 'No lane has the cycle-time history to tell which work is aging.'}
        </p>
      ) : (
        <ul className="mll-fc-rows">
          {issues.map((issue) => (
            <li key={issue.key} className="mll-fc-row" data-testid="aging-issue" data-key={issue.key}>
              <KeyLink issueKey={issue.key} />
              <span className="mll-fc-row-summary" title={issue.summary}>
                {issue.summary}
              </span>
              <span className="mll-fc-row-meta">
                {laneName(issue.lane)} · <strong>{plural(issue.ageDays, 'day')}</strong> in progress;{' '}
                {formatShare(0.85, locale)} of its work is done within {plural(issue.laneCycleTimeP85, 'day')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
