/**
 * The forecast's code (charts included) in its own chunk, fetched the first time the section is shown, so that
 * the planning panel's first load does not carry it. Mount this, not ForecastSection.
 */
import { lazy, Suspense } from 'react';
import type { ForecastSectionProps } from './ForecastSection';
import { LoadingForecast } from './LoadingForecast';

const ForecastSection = lazy(async () => ({
  default: (await import('./ForecastSection.js')).ForecastSection,
}));

export function LazyForecastSection(props: ForecastSectionProps) {
  return (
    <Suspense fallback={<LoadingForecast />}>
      <ForecastSection {...props} />
    </Suspense>
  );
}
