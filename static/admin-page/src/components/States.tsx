import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import Skeleton from '@atlaskit/skeleton';
import { token } from '@atlaskit/tokens';

/** The page's shape, greyed out, while the configuration loads. */
export function LoadingAdmin({ what = 'the configuration' }: { what?: string }) {
  return (
    <div data-testid="loading" aria-busy="true" role="status" className="mla-loading">
      <span className="mll-sr-only">Loading {what}…</span>
      <div className="mll-skeleton-header" aria-hidden="true">
        <Skeleton width="32%" height={28} borderRadius={token('radius.small')} isShimmering />
        <Skeleton width="52%" height={16} borderRadius={token('radius.small')} isShimmering />
        <Skeleton width={320} height={36} borderRadius={token('radius.small')} isShimmering />
      </div>
      <div className="mla-layout" aria-hidden="true">
        <div className="mla-stack">
          {[0, 1, 2, 3, 4].map((row) => (
            <Skeleton key={row} width="100%" height={32} borderRadius={token('radius.small')} isShimmering />
          ))}
        </div>
        <div className="mla-stack">
          {[0, 1, 2, 3].map((row) => (
            <Skeleton key={row} width="100%" height={88} borderRadius={token('radius.medium')} isShimmering />
          ))}
        </div>
        <div className="mla-stack">
          <Skeleton width="100%" height={220} borderRadius={token('radius.medium')} isShimmering />
        </div>
      </div>
    </div>
  );
}

/** The module context could not be read. */
export function ContextProblem({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="mll-state" data-testid="error-state" data-code="context">
      <SectionMessage
        appearance="error"
        title="ML Lanes could not open its configuration"
        actions={
          <Button appearance="primary" onClick={onRetry} testId="retry-button">
            Retry
          </Button>
        }
      >
        <p>{message}</p>
      </SectionMessage>
    </div>
  );
}
