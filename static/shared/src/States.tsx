/** The error states every Custom UI shows the same way: what failed, in the resolver's words, and a retry. */
import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import SectionMessage from '@atlaskit/section-message';
import type { ResolverError } from '../../../src/contract/envelope';

export interface ResolverErrorViewProps {
  error: ResolverError;
  /** What was being loaded, for the title: "the sprint plan", "the boards", "this issue". */
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
    case 'invalid-config':
      return 'The ML Lanes configuration has problems';
    case 'no-sprints':
    case 'rate-limited':
    case 'conflict':
    case 'internal':
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

/** The module context could not be read, or the page was opened somewhere it cannot work from. */
export function ContextProblem({
  title,
  message,
  onRetry,
}: {
  title: string;
  message: string;
  onRetry?: (() => void) | undefined;
}) {
  return (
    <div className="mll-state" data-testid="error-state" data-code="context">
      <SectionMessage
        appearance="error"
        title={title}
        {...(onRetry && {
          actions: (
            <Button appearance="primary" onClick={onRetry} testId="retry-button">
              Retry
            </Button>
          ),
        })}
      >
        <p>{message}</p>
      </SectionMessage>
    </div>
  );
}
