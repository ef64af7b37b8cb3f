import Skeleton from '@atlaskit/skeleton';
import { token } from '@atlaskit/tokens';

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
