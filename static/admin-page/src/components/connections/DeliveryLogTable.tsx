import { useEffect, useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import type {
  DeliveryLogEntryView,
  DeliveryOutcomeView,
  EvidenceTool,
} from '../../../../../src/contract/connections-api';
import type { ResolverError } from '../../../../../src/contract/envelope';
import { call } from '../../api';
import { formatDateTime } from '../../format';

type LogState =
  | { status: 'loading' }
  | { status: 'error'; error: ResolverError }
  | { status: 'ready'; entries: DeliveryLogEntryView[] };

const OUTCOME: Record<
  DeliveryOutcomeView,
  { label: string; appearance: 'success' | 'inprogress' | 'default' | 'removed' }
> = {
  written: { label: 'Written', appearance: 'success' },
  accepted: { label: 'Accepted', appearance: 'inprogress' },
  ignored: { label: 'Ignored', appearance: 'default' },
  rejected: { label: 'Rejected', appearance: 'removed' },
};

/** The tool's last 50 deliveries: what happened and why, never a body or a secret (the log keeps neither). */
export function DeliveryLogTable({ tool, locale }: { tool: EvidenceTool; locale: string | undefined }) {
  const headingId = useId();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<LogState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    void call('getDeliveryLog', { tool }).then((result) => {
      if (!current) return;
      setState(
        result.ok
          ? { status: 'ready', entries: result.data[0]?.entries ?? [] }
          : { status: 'error', error: result.error },
      );
    });
    return () => {
      current = false;
    };
  }, [tool, attempt]);
  return (
    <div className="mla-setup-group" role="group" aria-labelledby={headingId} data-testid="delivery-log">
      <div className="mla-setup-item-head">
        <h4 className="mlc-subtitle mla-setup-name" id={headingId}>
          Last deliveries
        </h4>
        <Button spacing="compact" onClick={() => setAttempt((value) => value + 1)} testId="refresh-log">
          Refresh
        </Button>
      </div>
      {state.status === 'loading' && <p className="mla-hint">Loading…</p>}
      {state.status === 'error' && (
        <p className="mla-hint">The log could not be read: {state.error.message}</p>
      )}
      {state.status === 'ready' && state.entries.length === 0 && (
        <p className="mll-none" data-testid="delivery-log-empty">
          No deliveries yet.
        </p>
      )}
      {state.status === 'ready' && state.entries.length > 0 && (
        <div className="mla-table-wrap mlc-log-wrap">
          <table className="mla-table mla-preview-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Outcome</th>
                <th scope="col">Issue</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {state.entries.map((entry, index) => (
                <tr key={`${entry.at}:${index}`} data-testid="delivery-row" data-outcome={entry.outcome}>
                  <td className="mlc-nowrap">{formatDateTime(entry.at, locale) ?? entry.at}</td>
                  <td>
                    <Lozenge appearance={OUTCOME[entry.outcome].appearance}>
                      {OUTCOME[entry.outcome].label}
                    </Lozenge>
                  </td>
                  <td>{entry.issueKey ?? '—'}</td>
                  <td className="mlc-reason">
                    {entry.reason}
                    {entry.count > 1 && <span className="mla-subtle"> ×{entry.count}</span>}
                    {entry.deliveryId && <span className="mla-rule-text">delivery {entry.deliveryId}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
