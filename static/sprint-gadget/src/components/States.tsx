import EmptyState from '@atlaskit/empty-state';
import Skeleton from '@atlaskit/skeleton';
import { token } from '@atlaskit/tokens';

/** The gadget's shape, greyed out, while Jira answers. */
export function GadgetLoading({ what = 'the sprint' }: { what?: string }) {
  return (
    <div data-testid="loading" aria-busy="true" role="status" className="mll-gadget-skeleton">
      <span className="mll-sr-only">Loading {what}…</span>
      <Skeleton width="60%" height={20} borderRadius={token('radius.small')} isShimmering />
      <Skeleton width="45%" height={14} borderRadius={token('radius.small')} isShimmering />
      <div className="mll-gadget-stats" aria-hidden="true">
        {[0, 1, 2].map((index) => (
          <Skeleton key={index} width="100%" height={52} borderRadius={token('radius.medium')} isShimmering />
        ))}
      </div>
      <Skeleton width="100%" height={96} borderRadius={token('radius.medium')} isShimmering />
    </div>
  );
}

/** A gadget nobody has configured yet: what it shows, and where to choose its board and sprint. */
export function ChooseBoard() {
  return (
    <div className="mll-state" data-testid="choose-board">
      <EmptyState
        header="Choose a board"
        headingLevel={2}
        description="This gadget shows a sprint's blocked handoffs and its lanes. Edit the gadget (its ••• menu → Edit) to choose a board and a sprint."
      />
    </div>
  );
}
