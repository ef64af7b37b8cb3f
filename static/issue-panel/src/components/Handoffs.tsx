import Lozenge from '@atlaskit/lozenge';
import BlockedIcon from '@atlaskit/icon/core/priority-blocker';
import type { IssueHandoff, IssuePanelView } from '../../../../src/contract/issue-api';
import { statusAppearance } from '../../../shared/src/format';
import { KeyLink } from '../../../shared/src/KeyLink';
import { reasonWords } from '../format';
import { LaneDot } from './LaneDot';

type Direction = 'upstream' | 'downstream';

/** What this issue waits on, and what waits on it. */
export function Handoffs({ view }: { view: IssuePanelView }) {
  return (
    <section className="mll-block" aria-labelledby="mll-handoffs-title">
      <h2 className="mll-block-title" id="mll-handoffs-title">
        Handoffs
      </h2>
      <div className="mll-handoff-groups">
        <HandoffList
          title="Waits on"
          direction="upstream"
          handoffs={view.upstream}
          lanes={view.lanes}
          empty="Nothing: no other issue has to finish first."
        />
        <HandoffList
          title="Blocks"
          direction="downstream"
          handoffs={view.downstream}
          lanes={view.lanes}
          empty="Nothing waits on this issue."
        />
      </div>
    </section>
  );
}

function HandoffList({
  title,
  direction,
  handoffs,
  lanes,
  empty,
}: {
  title: string;
  direction: Direction;
  handoffs: IssueHandoff[];
  lanes: IssuePanelView['lanes'];
  empty: string;
}) {
  const headingId = `mll-${direction}-title`;
  return (
    <div className="mll-handoff-group">
      <h3 className="mll-group-title" id={headingId}>
        {title} <span className="mll-count">{handoffs.length}</span>
      </h3>
      {handoffs.length === 0 ? (
        <p className="mll-empty-line">{empty}</p>
      ) : (
        <ul className="mll-handoff-list" aria-labelledby={headingId}>
          {handoffs.map((handoff, index) => (
            <HandoffItem
              key={handoff.hidden ? `hidden-${index}` : handoff.key}
              handoff={handoff}
              direction={direction}
              lanes={lanes}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function HandoffItem({
  handoff,
  direction,
  lanes,
}: {
  handoff: IssueHandoff;
  direction: Direction;
  lanes: IssuePanelView['lanes'];
}) {
  const lane = handoff.lane === null ? null : lanes.find((candidate) => candidate.id === handoff.lane);
  const laneName = handoff.lane === null ? null : (lane?.name ?? handoff.lane);
  const className = handoff.blocked ? 'mll-handoff-item mll-handoff-item--blocked' : 'mll-handoff-item';
  return (
    <li
      className={className}
      data-testid={`${direction}-item`}
      data-key={handoff.hidden ? '' : handoff.key}
      data-blocked={String(handoff.blocked)}
    >
      {handoff.hidden ? (
        <p className="mll-handoff-line mll-hidden-issue">An issue you cannot see</p>
      ) : (
        <p className="mll-handoff-line">
          <KeyLink issueKey={handoff.key} />
          <span className="mll-handoff-summary" title={handoff.summary}>
            {handoff.summary}
          </span>
        </p>
      )}
      <div className="mll-handoff-meta">
        {!handoff.hidden && (
          <>
            <span className="mll-lane-small">
              {laneName === null ? (
                <span className="mll-subtlest">No lane</span>
              ) : (
                <>
                  <LaneDot color={lane?.color ?? null} />
                  {laneName}
                </>
              )}
            </span>
            <Lozenge appearance={statusAppearance(handoff.statusCategory)} maxWidth={160}>
              {handoff.status || 'No status'}
            </Lozenge>
          </>
        )}
        {handoff.blocked && (
          <span className="mll-marker mll-marker--blocked">
            <BlockedIcon label="" size="small" color="currentColor" />
            {blockedWords(handoff, direction)}
          </span>
        )}
      </div>
    </li>
  );
}

function blockedWords(handoff: IssueHandoff, direction: Direction): string {
  if (direction === 'downstream') return 'Blocked: waits on this issue';
  const reasons = handoff.reasons
    .filter((reason) => reason !== 'upstream-not-done' || handoff.reasons.length === 1)
    .map(reasonWords);
  return reasons.length > 0 ? `Blocked: ${reasons.join(', ')}` : 'Blocked: not done yet';
}
