import { useState } from 'react';
import type { ForecastView, WhatIf } from '../../../../src/contract/forecast-view';
import { ResolverErrorView } from '../../../shared/src/States';
import { useResolver } from '../use-resolver';
import { LazyForecastSection } from './LazyForecastSection';
import { LoadingForecast } from './LoadingForecast';

const NO_WHAT_IF: WhatIf = { excludedKeys: [], laneThroughput: {} };

export interface ForecastLoaderProps {
  boardId: number;
  sprintId: number;
  locale: string | undefined;
}

/**
 * Asks for the sprint's forecast, and again with each what-if. While a new answer is computed the last one stays on
 * screen (busy), so the what-if controls keep their state instead of falling back to the skeleton.
 */
export function ForecastLoader({ boardId, sprintId, locale }: ForecastLoaderProps) {
  const [whatIf, setWhatIf] = useState<WhatIf>(NO_WHAT_IF);
  const [shown, setShown] = useState<ForecastView | null>(null);
  const { state, retry } = useResolver('getForecast', { boardId, sprintId, whatIf }, setShown);
  if (state.status === 'error') {
    return <ResolverErrorView error={state.error} what="the forecast" onRetry={retry} />;
  }
  const view = state.status === 'ready' ? state.data : shown;
  if (view === null) return <LoadingForecast />;
  const busy = state.status !== 'ready' || state.refreshing;
  return <LazyForecastSection view={view} onWhatIfChange={setWhatIf} busy={busy} locale={locale} />;
}
