import { memo } from 'react';
import Lozenge from '@atlaskit/lozenge';
import Tooltip from '@atlaskit/tooltip';
import BlockedIcon from '@atlaskit/icon/core/priority-blocker';
import ChainIcon from '@atlaskit/icon/core/data-flow';
import type { PanelIssue } from '../../../../src/contract/panel-plan';
import { statusAppearance } from '../../../shared/src/format';
import { KeyLink } from '../../../shared/src/KeyLink';
import { points } from '../format';

export interface IssueCardProps {
  issue: PanelIssue;
  onCriticalChain: boolean;
  /** Unclassified cards say which rule failed. */
  showLaneRule: boolean;
}

/** One sprint issue in its lane. Every state is said in words, never by colour alone. */
export const IssueCard = memo(function IssueCard({ issue, onCriticalChain, showLaneRule }: IssueCardProps) {
  const className = issue.blocked ? 'mll-card mll-card--blocked' : 'mll-card';
  return (
    <article className={className} data-testid="issue-card" data-key={issue.key} aria-label={issue.key}>
      <div className="mll-card-top">
        <KeyLink issueKey={issue.key} />
        <span className="mll-card-type">{issue.issueType}</span>
      </div>
      <p className="mll-summary" title={issue.summary}>
        {issue.summary}
      </p>
      <div className="mll-card-meta">
        <Lozenge appearance={statusAppearance(issue.statusCategory)} maxWidth={140}>
          {issue.status || 'No status'}
        </Lozenge>
        {issue.storyPoints !== null && (
          <span className="mll-points" title="Story points">
            {points(issue.storyPoints)}
          </span>
        )}
      </div>
      {issue.dodTotal > 0 && <DodProgress issue={issue} />}
      {showLaneRule && <p className="mll-rule">Lane rule: {issue.laneRule}</p>}
      {(issue.blocked || onCriticalChain) && (
        <div className="mll-markers">
          {issue.blocked && (
            <span className="mll-marker mll-marker--blocked">
              <BlockedIcon label="" size="small" color="currentColor" />
              Blocked
            </span>
          )}
          {onCriticalChain && (
            <span className="mll-marker mll-marker--critical">
              <ChainIcon label="" size="small" color="currentColor" />
              On critical chain
            </span>
          )}
        </div>
      )}
    </article>
  );
});

function DodProgress({ issue }: { issue: PanelIssue }) {
  const { dodMet, dodTotal, dodUnmet } = issue;
  const percent = Math.round((dodMet / dodTotal) * 100);
  const label = `Definition of Done: ${dodMet} of ${dodTotal} met`;
  const unmetWords = dodUnmet.map((item) => item.detail || item.label);
  const bar = (
    <span className="mll-bar" aria-hidden="true">
      <span style={{ width: `${percent}%` }} />
    </span>
  );
  if (dodUnmet.length === 0) {
    return (
      <div className="mll-dod" aria-label={label} role="group">
        <span>
          DoD {dodMet}/{dodTotal}
        </span>
        {bar}
      </div>
    );
  }
  const first = dodUnmet[0];
  return (
    <>
      <Tooltip
        content={
          <ul className="mll-tooltip-list">
            {dodUnmet.map((item, index) => (
              <li key={index}>
                <strong>{item.label}</strong>
                {item.detail ? `: ${item.detail}` : ''}
              </li>
            ))}
          </ul>
        }
        position="bottom"
      >
        {(triggerProps) => (
          <div
            {...triggerProps}
            className="mll-dod"
            tabIndex={0}
            role="group"
            aria-label={`${label}. Not met: ${unmetWords.join('; ')}`}
          >
            <span>
              DoD {dodMet}/{dodTotal}
            </span>
            {bar}
          </div>
        )}
      </Tooltip>
      {first && (
        <p className="mll-missing" aria-hidden="true">
          Missing: {first.label}
          {dodUnmet.length > 1 ? ` +${dodUnmet.length - 1} more` : ''}
        </p>
      )}
    </>
  );
}
