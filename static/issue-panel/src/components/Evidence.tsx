import CheckCircleIcon from '@atlaskit/icon/core/check-circle';
import CrossCircleIcon from '@atlaskit/icon/core/cross-circle';
import LinkExternalIcon from '@atlaskit/icon/core/link-external';
import type {
  EvidenceDeliveryView,
  EvidenceValueView,
  IssueEvidenceView,
} from '../../../../src/contract/issue-api';
import { formatDateTime, relativeTime } from '../format';

/**
 * What ML tools posted to this issue: the newest run or model version per tool, with a link to it, when, the
 * values it set and which Definition of Done items read them. Links come built from the admin's base URLs; only
 * https ones are drawn, and they open in a new tab without a referrer.
 */
export function Evidence({ evidence, locale }: { evidence: IssueEvidenceView; locale: string | undefined }) {
  const now = Date.now();
  return (
    <section className="mll-block" aria-labelledby="mll-evidence-title" data-testid="evidence">
      <div className="mll-block-head">
        <h2 className="mll-block-title" id="mll-evidence-title">
          Evidence from ML tools
        </h2>
        {evidence.deliveries.length > 0 && <span className="mll-count">{evidence.deliveries.length}</span>}
      </div>
      {evidence.problem && (
        <p className="mll-empty-line" role="status" data-testid="evidence-problem">
          {evidence.problem}
        </p>
      )}
      <ul className="mll-evidence-list">
        {evidence.deliveries.map((delivery) => (
          <Delivery key={delivery.tool} delivery={delivery} now={now} locale={locale} />
        ))}
      </ul>
    </section>
  );
}

function Delivery({
  delivery,
  now,
  locale,
}: {
  delivery: EvidenceDeliveryView;
  now: number;
  locale: string | undefined;
}) {
  const link = delivery.link && safeUrl(delivery.link.url);
  return (
    <li className="mll-evidence-item" data-testid="evidence-delivery" data-tool={delivery.tool}>
      <div className="mll-evidence-head">
        <span className="mll-tag mll-evidence-tool">{delivery.toolName}</span>
        <span className="mll-evidence-subject">{delivery.subject ?? delivery.kind}</span>
        {link && (
          <a
            className="mll-evidence-link"
            href={link}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="evidence-link"
          >
            {delivery.link?.label}
            <LinkExternalIcon label="(opens in a new tab)" size="small" color="currentColor" />
          </a>
        )}
      </div>
      <p className="mll-hint">
        <span>{delivery.kind}</span> ·{' '}
        <time dateTime={delivery.eventTime} title={formatDateTime(delivery.eventTime, locale)}>
          {relativeTime(delivery.eventTime, now, locale) ?? formatDateTime(delivery.eventTime, locale)}
        </time>
        {delivery.counters && (
          <>
            {' '}
            · {delivery.counters.finishedTasks.toLocaleString(locale)} of{' '}
            {delivery.counters.totalTasks.toLocaleString(locale)} tasks labeled
          </>
        )}
      </p>
      {delivery.values.length > 0 && (
        <ul className="mll-evidence-values">
          {delivery.values.map((value) => (
            <Value key={value.field} value={value} locale={locale} />
          ))}
        </ul>
      )}
    </li>
  );
}

function Value({ value, locale }: { value: EvidenceValueView; locale: string | undefined }) {
  const shown = typeof value.value === 'number' ? value.value.toLocaleString(locale) : value.value;
  return (
    <li data-testid="evidence-value" data-field={value.field} data-current={String(value.current)}>
      <span className="mll-evidence-field">{value.fieldName}</span>{' '}
      <strong className={value.current ? 'mll-evidence-number' : 'mll-evidence-number mll-evidence-old'}>
        {shown}
      </strong>
      {!value.current && <span className="mll-hint"> (replaced by a newer delivery)</span>}
      {value.current &&
        value.dodItems.map((item) => (
          <span
            key={item.id}
            className={item.met ? 'mll-evidence-dod mll-evidence-dod--met' : 'mll-evidence-dod'}
            data-testid="evidence-dod"
            data-met={String(item.met)}
            title={item.detail}
          >
            {item.met ? (
              <CheckCircleIcon label="" size="small" color="currentColor" />
            ) : (
              <CrossCircleIcon label="" size="small" color="currentColor" />
            )}
            {item.met ? 'Satisfies' : 'Does not satisfy'} “{item.label}”
          </span>
        ))}
    </li>
  );
}

/** The URL when it is https, else null: nothing else is ever drawn as a link. */
function safeUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
