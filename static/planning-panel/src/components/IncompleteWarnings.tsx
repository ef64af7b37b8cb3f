import SectionMessage from '@atlaskit/section-message';

/** What could not be read or had to be assumed, so the person knows the answer above may be incomplete. */
export function IncompleteWarnings({
  warnings,
  title,
  testId,
}: {
  warnings: readonly string[];
  title: string;
  testId: string;
}) {
  if (warnings.length === 0) return null;
  return (
    <div className="mll-warnings" data-testid={testId}>
      <SectionMessage appearance="warning" title={title}>
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
