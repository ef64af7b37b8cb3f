import SectionMessage from '@atlaskit/section-message';

/** What the forecast could not read or had to assume, shown as the panel shows its plan's warnings. */
export function ForecastWarnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="mll-warnings" data-testid="forecast-warnings">
      <SectionMessage appearance="warning" title="This forecast may be incomplete">
        {warnings.length === 1 ? (
          <p>{warnings[0]}</p>
        ) : (
          <ul>
            {warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
        )}
      </SectionMessage>
    </div>
  );
}
