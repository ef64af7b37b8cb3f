import SectionMessage from '@atlaskit/section-message';

/** No forecast: the reason, in the resolver's words, and no number in its place. */
export function NoForecast({ reason }: { reason: string | null }) {
  return (
    <div className="mll-fc-none" data-testid="no-forecast">
      <SectionMessage appearance="information" title="No forecast for this sprint">
        <p>{reason ?? 'ML Lanes did not say why it could not forecast this sprint.'}</p>
      </SectionMessage>
    </div>
  );
}
