import BlockedIcon from '@atlaskit/icon/core/priority-blocker';
import ChainIcon from '@atlaskit/icon/core/data-flow';
import type { PanelIssue } from '../../../../src/contract/panel-plan';
import { matrixKey, type HandoffMatrix } from '../model';
import { KeyLink } from '../../../shared/src/KeyLink';

/**
 * Lane-to-lane handoffs as a matrix: rows are the upstream lane (finishes first), columns the downstream lane
 * (waits). Each cell counts handoffs and says how many are blocked, with an icon and words as well as colour.
 */
export function HandoffMap({ matrix }: { matrix: HandoffMatrix }) {
  const { axis, cells } = matrix;
  return (
    <section className="mll-section" aria-labelledby="mll-map-title">
      <h2 className="mll-section-title" id="mll-map-title">
        Handoffs between lanes
      </h2>
      {cells.size === 0 ? (
        <p className="mll-none" data-testid="handoff-map">
          No issue in this sprint depends on another.
        </p>
      ) : (
        <table className="mll-matrix" data-testid="handoff-map">
          <caption>
            Rows: the upstream lane, which must finish first. Columns: the lane that waits on it. Each cell
            counts handoffs;{' '}
            <span className="mll-legend-blocked">
              <BlockedIcon label="" size="small" color="currentColor" />n
            </span>{' '}
            of them are blocked.
          </caption>
          <thead>
            <tr>
              <th scope="col" className="mll-corner">
                <span className="mll-sr-only">Upstream lane, then downstream lanes</span>
                <span aria-hidden="true">From ↓ to →</span>
              </th>
              {axis.map((lane) => (
                <th scope="col" key={lane.id} title={lane.name}>
                  <LaneLabel name={lane.name} color={lane.color} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {axis.map((from) => (
              <tr key={from.id}>
                <th scope="row" title={from.name}>
                  <LaneLabel name={from.name} color={from.color} />
                </th>
                {axis.map((to) => {
                  const cell = cells.get(matrixKey(from.id, to.id));
                  if (!cell) {
                    return (
                      <td key={to.id}>
                        <span aria-hidden="true">–</span>
                        <span className="mll-sr-only">none</span>
                      </td>
                    );
                  }
                  const words = `${cell.total} handoff${cell.total === 1 ? '' : 's'} from ${from.name} to ${to.name}${
                    cell.blocked > 0 ? `, ${cell.blocked} blocked` : ', none blocked'
                  }`;
                  return (
                    <td
                      key={to.id}
                      className={cell.blocked > 0 ? 'mll-cell--blocked' : 'mll-cell--some'}
                      title={words}
                      data-from={from.id}
                      data-to={to.id}
                      data-blocked={cell.blocked}
                    >
                      <span className="mll-cell-total">{cell.total.toLocaleString()}</span>
                      {cell.blocked > 0 && (
                        <span className="mll-cell-blocked">
                          <BlockedIcon label="" size="small" color="currentColor" />
                          {cell.blocked.toLocaleString()}
                          <span className="mll-sr-only"> blocked</span>
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function LaneLabel({ name, color }: { name: string; color: string | null }) {
  return (
    <span className="mll-lane-head">
      <span className="mll-dot" style={color ? { background: color } : undefined} aria-hidden="true" />
      {name}
    </span>
  );
}

/** "Critical chain: CV-104 → CV-101 → CV-105": the longest run of unfinished dependencies, upstream first. */
export function CriticalChain({ keys }: { keys: string[] }) {
  if (keys.length === 0) return null;
  return (
    <div className="mll-chain" data-testid="critical-chain" role="group" aria-label="Critical chain">
      <span className="mll-chain-label">
        <ChainIcon label="" size="small" color="currentColor" />
        Critical chain:
      </span>
      <ol>
        {keys.map((key, index) => (
          <li key={key}>
            {index > 0 && (
              <span className="mll-arrow" aria-hidden="true">
                →
              </span>
            )}
            <KeyLink issueKey={key} />
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Upstream work that lives outside this sprint but that some sprint issue waits on. */
export function OutsideSprint({ issues }: { issues: PanelIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <section className="mll-outside" aria-labelledby="mll-outside-title">
      <h3 className="mll-section-title" id="mll-outside-title">
        Outside this sprint
      </h3>
      <ul>
        {issues.slice(0, 50).map((issue) => (
          <li key={issue.key}>
            <KeyLink issueKey={issue.key} /> {issue.summary}{' '}
            <span className="mll-subtle">
              — {issue.status || 'unknown status'},{' '}
              {issue.sprintName ? `in ${issue.sprintName}` : 'in the backlog'}
            </span>
          </li>
        ))}
      </ul>
      {issues.length > 50 && <p className="mll-section-note">and {issues.length - 50} more</p>}
    </section>
  );
}
