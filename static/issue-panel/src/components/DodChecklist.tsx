import { useEffect, useState } from 'react';
import CheckCircleIcon from '@atlaskit/icon/core/check-circle';
import CrossCircleIcon from '@atlaskit/icon/core/cross-circle';
import LockIcon from '@atlaskit/icon/core/lock-locked';
import WarningIcon from '@atlaskit/icon/core/warning';
import type { IssueDodItem, IssuePanelView } from '../../../../src/contract/issue-api';
import { formatDateTime, relativeTime, shortAccountId } from '../format';
import type { IssuePanelProps } from './IssuePanel';

/** Auto items whose detail says the rule cannot be checked at all (a field missing on the site). */
const MISSING = /does not exist|doesn't exist|missing|not found|no such field|not configured/i;

export function DodChecklist({
  view,
  locale,
  onSetDodItem,
}: {
  view: IssuePanelView;
  locale: string | undefined;
  onSetDodItem: IssuePanelProps['onSetDodItem'];
}) {
  /** Ticks sent but not answered yet: what the person asked for, shown until the server settles it. */
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const now = useNow();
  const { dod } = view;

  const toggle = (item: IssueDodItem, checked: boolean) => {
    setPending((previous) => ({ ...previous, [item.id]: checked }));
    setErrors((previous) => without(previous, item.id));
    void onSetDodItem(item.id, checked).then((failure) => {
      setPending((previous) => without(previous, item.id));
      if (failure) setErrors((previous) => ({ ...previous, [item.id]: failure.message }));
    });
  };

  const shownMet = (item: IssueDodItem) => pending[item.id] ?? item.met;
  const met = dod.items.length
    ? dod.met + dod.items.reduce((sum, item) => sum + Number(shownMet(item)) - Number(item.met), 0)
    : dod.met;
  const percent = dod.total > 0 ? Math.round((met / dod.total) * 100) : 0;
  const complete = dod.total > 0 && met === dod.total;

  return (
    <section className="mll-block" aria-labelledby="mll-dod-title">
      <div className="mll-block-head">
        <h2 className="mll-block-title" id="mll-dod-title">
          Definition of Done
        </h2>
        {dod.items.length === 0 ? null : dod.enforced ? (
          <span
            className="mll-tag mll-tag--enforced"
            data-testid="dod-enforced"
            title="Jira refuses the Done transition until every item is met."
          >
            <LockIcon label="" size="small" color="currentColor" />
            Enforced at Done
          </span>
        ) : (
          <span className="mll-tag">Not enforced at Done</span>
        )}
      </div>
      {dod.items.length === 0 ? (
        <p className="mll-empty-line" data-testid="dod-empty">
          {view.lane === null
            ? 'This issue has no lane, so no Definition of Done applies yet.'
            : 'This lane has no Definition of Done items.'}
        </p>
      ) : (
        <>
          <div className="mll-progress" data-testid="dod-progress" data-met={met} data-total={dod.total}>
            <span className={complete ? 'mll-progress-text mll-progress-text--done' : 'mll-progress-text'}>
              {met} of {dod.total} met
            </span>
            <span
              className="mll-bar"
              role="progressbar"
              aria-label="Definition of Done items met"
              aria-valuemin={0}
              aria-valuemax={dod.total}
              aria-valuenow={met}
              aria-valuetext={`${met} of ${dod.total} met`}
            >
              <span style={{ width: `${percent}%` }} />
            </span>
          </div>
          <ul className="mll-dod-list">
            {dod.items.map((item) => (
              <li
                key={item.id}
                className="mll-dod-item"
                data-testid="dod-item"
                data-id={item.id}
                data-kind={item.kind}
                data-met={String(shownMet(item))}
              >
                {item.kind === 'manual' ? (
                  <ManualItem
                    item={item}
                    checked={shownMet(item)}
                    saving={item.id in pending}
                    canEdit={view.canEdit}
                    now={now}
                    locale={locale}
                    onToggle={(checked) => toggle(item, checked)}
                  />
                ) : (
                  <AutoItem item={item} />
                )}
                {errors[item.id] && (
                  <p className="mll-item-error" role="alert" data-testid="dod-error">
                    <WarningIcon label="" size="small" color="currentColor" />
                    Not saved: {errors[item.id]}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ManualItem({
  item,
  checked,
  saving,
  canEdit,
  now,
  locale,
  onToggle,
}: {
  item: IssueDodItem;
  checked: boolean;
  saving: boolean;
  canEdit: boolean;
  now: number;
  locale: string | undefined;
  onToggle: (checked: boolean) => void;
}) {
  const inputId = `mll-dod-${item.id}`;
  const when = item.checkedAt ? relativeTime(item.checkedAt, now, locale) : null;
  return (
    <div className="mll-dod-row">
      <input
        id={inputId}
        type="checkbox"
        className="mll-checkbox"
        data-testid="dod-checkbox"
        data-id={item.id}
        checked={checked}
        disabled={!canEdit || saving}
        aria-describedby={`${inputId}-note`}
        onChange={(event) => onToggle(event.target.checked)}
      />
      <div className="mll-dod-text">
        <label htmlFor={inputId} className="mll-dod-label">
          {item.label}
        </label>
        <span className="mll-dod-note" id={`${inputId}-note`}>
          {saving ? (
            'Saving…'
          ) : item.met && (item.checkedBy || when) ? (
            <span title={item.checkedAt ? formatDateTime(item.checkedAt, locale) : undefined}>
              Ticked
              {item.checkedBy && (
                <>
                  {' by '}
                  <span title={item.checkedBy}>{shortAccountId(item.checkedBy)}</span>
                </>
              )}
              {when && ` ${when}`}
            </span>
          ) : item.met ? (
            'Ticked'
          ) : (
            'Not ticked yet'
          )}
        </span>
      </div>
    </div>
  );
}

function AutoItem({ item }: { item: IssueDodItem }) {
  const missing = !item.met && MISSING.test(item.detail);
  const Icon = item.met ? CheckCircleIcon : missing ? WarningIcon : CrossCircleIcon;
  const tone = item.met ? 'mll-auto-icon--met' : missing ? 'mll-auto-icon--missing' : 'mll-auto-icon--unmet';
  return (
    <div className="mll-dod-row">
      <span className={`mll-auto-icon ${tone}`}>
        <Icon label={item.met ? 'Met' : missing ? 'Cannot be checked' : 'Not met'} color="currentColor" />
      </span>
      <div className="mll-dod-text">
        <span className="mll-dod-label">
          {item.label} <span className="mll-tag mll-tag--small">Checked automatically</span>
        </span>
        {item.detail && (
          <span className={missing ? 'mll-dod-note mll-dod-note--missing' : 'mll-dod-note'}>
            {item.detail}
          </span>
        )}
      </div>
    </div>
  );
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const rest = { ...record };
  delete rest[key];
  return rest;
}

/** The current time, refreshed every minute so that "5 minutes ago" stays true. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
