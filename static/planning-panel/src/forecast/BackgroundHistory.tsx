import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import type { HistoryReadFailed, HistoryReading } from '../../../../src/contract/forecast-view';
import { plural } from '../../../shared/src/format';
import { formatDay } from './forecast-format';

/** The board's history is large, so it is read in the background; the panel asks again until it is in. */
export function ReadingHistory({ reading, locale }: { reading: HistoryReading; locale: string | undefined }) {
  return (
    <div className="mll-fc-none" data-testid="forecast-reading-history" role="status" aria-live="polite">
      <SectionMessage appearance="information" title="Reading the board’s history">
        <p className="mll-fc-reading">
          <Spinner size="small" label="" />
          <span>
            {plural(reading.doneIssues, 'issue')} were done on this board since{' '}
            {formatDay(reading.since, locale)}: too many to read while the panel waits, so ML Lanes reads them
            in the background. The forecast appears here when it is done.
          </span>
        </p>
      </SectionMessage>
    </div>
  );
}

/** The background read has not finished after the panel's deadline: say so, and let the person ask again. */
export function ReadingTooLong({ onRetry }: { onRetry: () => void }) {
  return (
    <div className="mll-fc-none" data-testid="forecast-reading-slow">
      <SectionMessage
        appearance="warning"
        title="Reading the board’s history is taking longer than expected"
        actions={
          <Button onClick={onRetry} testId="forecast-reading-retry">
            Check again
          </Button>
        }
      >
        <p>ML Lanes stopped checking. The history may still arrive: check again in a few minutes.</p>
      </SectionMessage>
    </div>
  );
}

/** The background read failed: why, in its own words, and a way to try again. */
export function HistoryReadFailedView({
  failed,
  onRetry,
}: {
  failed: HistoryReadFailed;
  onRetry: () => void;
}) {
  return (
    <div className="mll-fc-none" data-testid="forecast-reading-failed">
      <SectionMessage
        appearance="warning"
        title="No forecast: the board’s history could not be read"
        actions={
          <Button appearance="primary" onClick={onRetry} testId="forecast-reading-failed-retry">
            Read the history again
          </Button>
        }
      >
        <p>{failed.reason}</p>
      </SectionMessage>
    </div>
  );
}
