import EmptyState from '@atlaskit/empty-state';
import Skeleton from '@atlaskit/skeleton';
import { token } from '@atlaskit/tokens';

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
