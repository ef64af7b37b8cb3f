import { IncompleteWarnings } from '../components/IncompleteWarnings';

/** What the forecast could not read or had to assume, shown as the panel shows its plan's warnings. */
export function ForecastWarnings({ warnings }: { warnings: string[] }) {
  return (
    <IncompleteWarnings
      warnings={warnings}
      title="This forecast may be incomplete"
      testId="forecast-warnings"
    />
  );
}
