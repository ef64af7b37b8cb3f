import { useId } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import Skeleton from '@atlaskit/skeleton';
import { token } from '@atlaskit/tokens';
import type { ResolverError } from '../../../../src/contract/envelope';
import type { RevisionSummary } from '../../../../src/contract/admin-api';
import { formatDateTime, who } from '../format';
import { SectionHead } from './common';

export type RevisionsState =
  | { status: 'loading' }
  | { status: 'error'; error: ResolverError }
  | { status: 'ready'; revisions: RevisionSummary[] };

export interface HistorySectionProps {
  revisions: RevisionsState;
  /** The revision being edited from (the newest saved). */
  current: number;
  canEdit: boolean;
  dirty: boolean;
  restoring: number | null;
  locale: string | undefined;
  me?: string | undefined;
  onRestore: (revision: number) => void;
  onRetry: () => void;
}

/** The last 20 saves, each restorable in one click (it is saved again as the newest revision). */
export function HistorySection(props: HistorySectionProps) {
  const headingId = useId();
  const { revisions } = props;
  return (
    <section className="mla-section" data-testid="section-history" aria-labelledby={headingId}>
      <SectionHead id={headingId} title="History">
        The last 20 saved revisions. Restoring one saves it again as the newest revision
        {props.dirty ? ' and replaces your unsaved changes' : ''}; nothing is lost.
      </SectionHead>
      {revisions.status === 'loading' && (
        <div aria-busy="true" role="status" className="mla-stack">
          <span className="mll-sr-only">Loading the history…</span>
          {[0, 1, 2].map((row) => (
            <Skeleton key={row} width="100%" height={40} borderRadius={token('radius.small')} isShimmering />
          ))}
        </div>
      )}
      {revisions.status === 'error' && revisions.error.code === 'forbidden' && (
        <p className="mll-none" data-testid="history-forbidden">
          Only Jira administrators can see the history of this configuration.
        </p>
      )}
      {revisions.status === 'error' && revisions.error.code !== 'forbidden' && (
        <SectionMessage
          appearance="error"
          title="Could not load the history"
          actions={<Button onClick={props.onRetry}>Retry</Button>}
        >
          <p>{revisions.error.message}</p>
        </SectionMessage>
      )}
      {revisions.status === 'ready' &&
        (revisions.revisions.length === 0 ? (
          <p className="mll-none">
            Nothing saved yet: the page shows the {props.current === 0 ? 'defaults' : 'current configuration'}
            .
          </p>
        ) : (
          <table className="mla-table mla-history">
            <thead>
              <tr>
                <th scope="col">Revision</th>
                <th scope="col">Saved</th>
                <th scope="col">Contents</th>
                <th scope="col">
                  <span className="mll-sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {revisions.revisions.map((revision) => {
                const isCurrent = revision.revision === props.current;
                return (
                  <tr key={revision.revision} data-testid="history-row" data-revision={revision.revision}>
                    <th scope="row">
                      <span className="mla-revision">{revision.revision}</span>
                      {isCurrent && <Lozenge appearance="success">Current</Lozenge>}
                    </th>
                    <td>
                      <span className="mla-block">
                        {formatDateTime(revision.savedAt, props.locale) ?? revision.savedAt}
                      </span>
                      <span className="mla-subtle mla-block">by {who(revision.savedBy, props.me)}</span>
                    </td>
                    <td>{revision.description}</td>
                    <td className="mla-actions-cell">
                      <Button
                        spacing="compact"
                        isDisabled={!props.canEdit || isCurrent || props.restoring !== null}
                        isLoading={props.restoring === revision.revision}
                        onClick={() => props.onRestore(revision.revision)}
                        testId="restore-button"
                        aria-label={`Restore revision ${revision.revision}`}
                      >
                        Restore
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ))}
    </section>
  );
}
