import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import SectionMessage from '@atlaskit/section-message';
import Skeleton from '@atlaskit/skeleton';
import { token } from '@atlaskit/tokens';
import type { ResolverError } from '../../../../src/contract/envelope';

/** The shape of the plan, greyed out, while getPlan runs. */
export function LoadingPlan({ what = 'the sprint plan' }: { what?: string }) {
  return (
    <div data-testid="loading" aria-busy="true" role="status">
      <span className="mll-sr-only">Loading {what}…</span>
      <div className="mll-skeleton-header" aria-hidden="true">
        <Skeleton width="40%" height={28} borderRadius={token('radius.small')} isShimmering />
        <Skeleton width="60%" height={16} borderRadius={token('radius.small')} isShimmering />
        <div className="mll-skeleton-stats">
          {[0, 1, 2, 3, 4].map((index) => (
            <Skeleton
              key={index}
              width={112}
              height={52}
              borderRadius={token('radius.medium')}
              isShimmering
            />
          ))}
        </div>
      </div>
      <div className="mll-skeleton-board" aria-hidden="true">
        {[0, 1, 2, 3, 4].map((column) => (
          <div className="mll-skeleton-column" key={column}>
            <Skeleton width="50%" height={18} borderRadius={token('radius.small')} isShimmering />
            {[0, 1, 2].map((card) => (
              <Skeleton
                key={card}
                width="100%"
                height={96}
                borderRadius={token('radius.medium')}
                isShimmering
              />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

export interface ResolverErrorViewProps {
  error: ResolverError;
  /** What was being loaded, for the title: "the sprint plan", "the boards". */
  what: string;
  onRetry: () => void;
}

/** Says what failed, in the resolver's own words, and offers to try again (or does it, when Jira throttles). */
export function ResolverErrorView({ error, what, onRetry }: ResolverErrorViewProps) {
  if (error.code === 'rate-limited') {
    return (
      <RateLimited
        seconds={Math.max(1, Math.ceil(error.retryAfterSeconds))}
        message={error.message}
        onRetry={onRetry}
      />
    );
  }
  if (error.code === 'no-sprints') {
    return (
      <div className="mll-state" data-testid="empty-state" data-code={error.code}>
        <EmptyState header="No sprints to plan" headingLevel={2} description={error.message} />
      </div>
    );
  }
  return (
    <div className="mll-state" data-testid="error-state" data-code={error.code}>
      <SectionMessage
        appearance="error"
        title={errorTitle(error, what)}
        actions={
          <Button appearance="primary" onClick={onRetry} testId="retry-button">
            Retry
          </Button>
        }
      >
        <p>{error.message}</p>
      </SectionMessage>
    </div>
  );
}

function errorTitle(error: ResolverError, what: string): string {
  switch (error.code) {
    case 'forbidden':
      return `Jira did not let ML Lanes read ${what}`;
    case 'not-found':
      return `Jira could not find ${what}`;
    case 'bad-request':
      return `ML Lanes could not ask for ${what}`;
    case 'jira-unavailable':
      return `Jira did not answer while loading ${what}`;
    default:
      return `Could not load ${what}`;
  }
}

/** "Jira is rate-limiting, retrying in 7 s": counts down and asks again by itself at zero. */
export function RateLimited({
  seconds,
  message,
  onRetry,
}: {
  seconds: number;
  message: string;
  onRetry: () => void;
}) {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    if (left <= 0) {
      onRetry();
      return undefined;
    }
    const timer = setTimeout(() => setLeft((value) => value - 1), 1000);
    return () => clearTimeout(timer);
  }, [left, onRetry]);
  return (
    <div className="mll-state" data-testid="error-state" data-code="rate-limited">
      <SectionMessage
        appearance="warning"
        title="Jira asked ML Lanes to slow down"
        actions={
          <Button onClick={onRetry} testId="retry-button">
            Retry now
          </Button>
        }
      >
        <p role="status">
          Jira is rate-limiting, retrying in <span className="mll-countdown">{Math.max(0, left)}</span> s
        </p>
        {message && <p className="mll-subtle">{message}</p>}
      </SectionMessage>
    </div>
  );
}

/** A sprint without issues: nothing to plan yet, and how to change that. */
export function EmptySprint({ sprintName }: { sprintName: string }) {
  return (
    <div className="mll-state" data-testid="empty-state" data-code="empty-sprint">
      <EmptyState
        header="This sprint has no issues yet"
        headingLevel={2}
        description={`Add issues to ${sprintName} from the backlog, then refresh to see their lanes and handoffs.`}
      />
    </div>
  );
}

/** The module context could not be read, or the panel was opened somewhere it cannot plan from. */
export function ContextProblem({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className="mll-state" data-testid="error-state" data-code="context">
      <SectionMessage
        appearance="error"
        title="ML Lanes cannot tell which sprint to plan"
        actions={
          onRetry ? (
            <Button appearance="primary" onClick={onRetry} testId="retry-button">
              Retry
            </Button>
          ) : undefined
        }
      >
        <p>{message}</p>
      </SectionMessage>
    </div>
  );
}
