import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import Skeleton from '@atlaskit/skeleton';
import { token } from '@atlaskit/tokens';
import type { ResolverError } from '../../../../src/contract/envelope';

/** The panel's shape, greyed out, while getIssuePanel runs. */
export function LoadingPanel() {
  const radius = token('radius.small');
  return (
    <div data-testid="loading" aria-busy="true" role="status" className="mll-issue">
      <span className="mll-sr-only">Loading the issue’s lane and Definition of Done…</span>
      <div className="mll-skeleton" aria-hidden="true">
        <Skeleton width="35%" height={20} borderRadius={radius} isShimmering />
        <Skeleton width="70%" height={14} borderRadius={radius} isShimmering />
        <Skeleton width="100%" height={36} borderRadius={radius} isShimmering />
        <Skeleton width="25%" height={18} borderRadius={radius} isShimmering />
        {[0, 1, 2, 3].map((row) => (
          <Skeleton key={row} width="100%" height={28} borderRadius={radius} isShimmering />
        ))}
      </div>
    </div>
  );
}

function errorTitle(error: ResolverError): string {
  switch (error.code) {
    case 'forbidden':
      return 'Jira did not let ML Lanes read this issue';
    case 'not-found':
      return 'Jira could not find this issue';
    case 'rate-limited':
      return 'Jira asked ML Lanes to slow down';
    case 'jira-unavailable':
      return 'Jira did not answer';
    case 'invalid-config':
      return 'The ML Lanes configuration has problems';
    default:
      return 'Could not load the issue’s lane and Definition of Done';
  }
}

/** What failed, in the resolver's words, with a way to try again. */
export function ErrorState({ error, onRetry }: { error: ResolverError; onRetry: () => void }) {
  return (
    <div className="mll-issue-state" data-testid="error-state" data-code={error.code}>
      <SectionMessage
        appearance={error.code === 'rate-limited' ? 'warning' : 'error'}
        title={errorTitle(error)}
        actions={
          <Button appearance="primary" onClick={onRetry} testId="retry-button">
            Retry
          </Button>
        }
      >
        <p>{error.message}</p>
        {error.code === 'rate-limited' && (
          <p className="mll-subtle">Try again in about {Math.ceil(error.retryAfterSeconds)} s.</p>
        )}
      </SectionMessage>
    </div>
  );
}
