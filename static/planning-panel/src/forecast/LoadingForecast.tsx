import Skeleton from '@atlaskit/skeleton';
import { token } from '@atlaskit/tokens';

/** The forecast's shape, greyed out, while its code or the forecast itself loads. */
export function LoadingForecast() {
  return (
    <div className="mll-fc" data-testid="forecast-loading" aria-busy="true" role="status">
      <span className="mll-sr-only">Loading the forecast…</span>
      <div className="mll-fc-top" aria-hidden="true">
        <div className="mll-fc-skeleton">
          <Skeleton width="70%" height={40} borderRadius={token('radius.small')} isShimmering />
          <Skeleton width="55%" height={16} borderRadius={token('radius.small')} isShimmering />
          <Skeleton width="80%" height={16} borderRadius={token('radius.small')} isShimmering />
        </div>
        <Skeleton width="100%" height={220} borderRadius={token('radius.medium')} isShimmering />
      </div>
    </div>
  );
}
