import { useState } from 'react';
import SectionMessage from '@atlaskit/section-message';
import type { ResolverError } from '../../../../src/contract/envelope';
import type { IssuePanelView } from '../../../../src/contract/issue-api';
import { DodChecklist } from './DodChecklist';
import { Evidence } from './Evidence';
import { Handoffs } from './Handoffs';
import { LaneDot } from './LaneDot';

export interface IssuePanelProps {
  view: IssuePanelView;
  locale: string | undefined;
  /** Each write answers with an error to show, or null once the server's new view is applied. */
  onSetDodItem: (itemId: string, checked: boolean) => Promise<ResolverError | null>;
  onSetLaneOverride: (lane: string | null) => Promise<ResolverError | null>;
}

export function IssuePanel({ view, locale, onSetDodItem, onSetLaneOverride }: IssuePanelProps) {
  return (
    <div className="mll-issue" data-testid="issue-panel" data-key={view.key}>
      {!view.canEdit && (
        <p className="mll-readonly" data-testid="readonly-note">
          You can’t edit this issue, so the checklist is read-only and the lane can’t be changed here.
        </p>
      )}
      <LaneSection view={view} onSetLaneOverride={onSetLaneOverride} />
      <Handoffs view={view} />
      <DodChecklist view={view} locale={locale} onSetDodItem={onSetDodItem} />
      {view.evidence && <Evidence evidence={view.evidence} locale={locale} />}
    </div>
  );
}

const RULES = '';

function LaneSection({
  view,
  onSetLaneOverride,
}: {
  view: IssuePanelView;
  onSetLaneOverride: IssuePanelProps['onSetLaneOverride'];
}) {
  const [saving, setSaving] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lane = view.lane === null ? null : view.lanes.find((candidate) => candidate.id === view.lane);
  const laneName = view.lane === null ? null : (lane?.name ?? view.lane);

  const choose = (value: string) => {
    setSaving(value);
    setError(null);
    void onSetLaneOverride(value === RULES ? null : value).then((failure) => {
      setSaving(null);
      if (failure) setError(failure.message);
    });
  };

  const selected = saving ?? view.override ?? RULES;
  return (
    <section className="mll-block" aria-labelledby="mll-lane-title">
      <h2 className="mll-block-title" id="mll-lane-title">
        Lane
      </h2>
      <div className="mll-lane-row">
        {laneName === null ? (
          <span className="mll-lane-name mll-lane-name--none" data-testid="lane-name" data-lane="">
            No lane
          </span>
        ) : (
          <span className="mll-lane-name" data-testid="lane-name" data-lane={view.lane ?? ''}>
            <LaneDot color={lane?.color ?? null} />
            {laneName}
          </span>
        )}
        {view.override !== null && <span className="mll-tag mll-tag--discovery">Set by hand</span>}
      </div>
      <p className="mll-lane-rule" data-testid="lane-rule">
        {laneName === null ? (
          <>
            No lane: {view.laneRule.replace(/\.$/, '')}.{' '}
            {view.canEdit ? 'Pick one below to place it by hand.' : 'Someone who can edit it can pick one.'}
          </>
        ) : view.override !== null ? (
          'Decided by a manual override.'
        ) : (
          <>Decided by the rule: {view.laneRule}</>
        )}
      </p>
      <div className="mll-override">
        <label htmlFor="mll-lane-override">Lane:</label>
        <select
          id="mll-lane-override"
          className="mll-select"
          data-testid="lane-override"
          value={selected}
          disabled={!view.canEdit || saving !== null}
          aria-describedby={!view.canEdit ? 'mll-override-note' : undefined}
          onChange={(event) => choose(event.target.value)}
        >
          <option value={RULES}>(decided by rules)</option>
          {view.lanes.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
        {saving !== null && (
          <span className="mll-subtle" role="status">
            Saving…
          </span>
        )}
      </div>
      {!view.canEdit && (
        <p className="mll-hint" id="mll-override-note">
          Only people who can edit this issue can override its lane.
        </p>
      )}
      {error && (
        <div className="mll-inline-error" role="alert" data-testid="lane-override-error">
          <SectionMessage appearance="error">
            <p>The lane was not changed: {error}</p>
          </SectionMessage>
        </div>
      )}
    </section>
  );
}
