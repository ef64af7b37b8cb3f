import { memo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import Lozenge from '@atlaskit/lozenge';
import BlockedIcon from '@atlaskit/icon/core/priority-blocker';
import type { HandoffReason } from '../../../../src/contract/plan-view';
import { reasonWords, type HandoffRow } from '../model';
import type { LozengeAppearance } from '../../../shared/src/format';
import { KeyLink } from '../../../shared/src/KeyLink';

const VIRTUALIZE_AFTER = 60;
const ROW_ESTIMATE = 72;

const REASON_APPEARANCE: Record<HandoffReason, LozengeAppearance> = {
  'upstream-not-done': 'inprogress',
  'upstream-not-started': 'default',
  'upstream-outside-sprint': 'moved',
  'upstream-hidden': 'removed',
  cycle: 'removed',
};

export interface BlockedHandoffsProps {
  rows: HandoffRow[];
  /** Blocked handoffs in the whole plan, before filters. */
  total: number;
}

/** The handoffs that hold work up, each as one sentence, first thing the Scrum Master reads. */
export function BlockedHandoffs({ rows, total }: BlockedHandoffsProps) {
  const count = rows.length === total ? String(total) : `${rows.length} of ${total}`;
  return (
    <section className="mll-section" aria-labelledby="mll-blocked-title">
      <h2 className="mll-section-title" id="mll-blocked-title">
        Blocked handoffs <Lozenge appearance={total > 0 ? 'removed' : 'success'}>{count}</Lozenge>
      </h2>
      {total === 0 ? (
        <p className="mll-none" data-testid="blocked-handoffs">
          No handoff is blocked: every piece of upstream work this sprint depends on is done.
        </p>
      ) : rows.length === 0 ? (
        <p className="mll-none" data-testid="blocked-handoffs">
          No blocked handoff matches the filters.
        </p>
      ) : rows.length > VIRTUALIZE_AFTER ? (
        <VirtualHandoffs rows={rows} />
      ) : (
        <ul className="mll-handoffs" data-testid="blocked-handoffs">
          {rows.map((row) => (
            <li key={row.id} className="mll-handoff" data-testid="handoff-item">
              <HandoffContent row={row} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const HandoffContent = memo(function HandoffContent({ row }: { row: HandoffRow }) {
  return (
    <>
      <span className="mll-handoff-icon">
        <BlockedIcon label="Blocked" size="small" color="currentColor" />
      </span>
      <div>
        <p className="mll-handoff-text">
          {row.parts.map((part, index) =>
            part.kind === 'key' && part.openable ? (
              <KeyLink key={index} issueKey={part.key} />
            ) : part.kind === 'key' ? (
              <span key={index}>{part.key}</span>
            ) : (
              <span key={index}>{part.text}</span>
            ),
          )}
        </p>
        {row.handoff.reasons.length > 0 && (
          <div className="mll-reasons" aria-label="Why it is blocked" role="group">
            {row.handoff.reasons.map((reason) => (
              <Lozenge key={reason} appearance={REASON_APPEARANCE[reason] ?? 'default'}>
                {reasonWords(reason)}
              </Lozenge>
            ))}
          </div>
        )}
      </div>
    </>
  );
});

function VirtualHandoffs({ rows }: { rows: HandoffRow[] }) {
  const scrollRef = useRef<HTMLUListElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  return (
    <ul
      ref={scrollRef}
      className="mll-handoffs"
      data-testid="blocked-handoffs"
      style={{ height: 360, position: 'relative' }}
      tabIndex={0}
      aria-label="Blocked handoffs"
    >
      <li aria-hidden="true" style={{ height: virtualizer.getTotalSize(), listStyle: 'none' }} />
      {virtualizer.getVirtualItems().map((item) => {
        const row = rows[item.index];
        if (!row) return null;
        return (
          <li
            key={item.key}
            ref={virtualizer.measureElement}
            data-index={item.index}
            aria-setsize={rows.length}
            aria-posinset={item.index + 1}
            className="mll-handoff"
            data-testid="handoff-item"
            style={{
              position: 'absolute',
              top: 0,
              left: 0,
              width: '100%',
              transform: `translateY(${item.start}px)`,
            }}
          >
            <HandoffContent row={row} />
          </li>
        );
      })}
    </ul>
  );
}
