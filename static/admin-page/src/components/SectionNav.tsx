import type { KeyboardEvent } from 'react';
import ErrorIcon from '@atlaskit/icon/core/status-error';
import type { Config } from '../model/edit';
import { SECTIONS, type SectionId } from '../model/problems';
import type { RevisionsState } from './HistorySection';

export type Tab = SectionId | 'history' | 'board' | 'connections';

const TABS: { id: Tab; label: string }[] = [
  ...SECTIONS,
  { id: 'history', label: 'History' },
  { id: 'board', label: 'Board setup' },
  { id: 'connections', label: 'Connections' },
];

export interface SectionNavProps {
  tab: Tab;
  onTab: (tab: Tab) => void;
  /** Problems in each section. */
  count: (tab: Tab) => number;
  draft: Config;
  revisions: RevisionsState;
}

/** The sections as vertical tabs, each with its size or its number of problems; arrow keys move between them. */
export function SectionNav({ tab, onTab, count, draft, revisions }: SectionNavProps) {
  const sizes: Record<Tab, number | null> = {
    lanes: draft.lanes.length,
    rules: draft.rules.length,
    links: draft.dependencyLinkTypes.length,
    dod: Object.keys(draft.dod).length,
    capacity: Object.keys(draft.capacity).length,
    history: revisions.status === 'ready' ? revisions.revisions.length : null,
    board: null,
    connections: null,
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = TABS.findIndex((each) => each.id === tab);
    const next =
      event.key === 'ArrowDown'
        ? TABS[(index + 1) % TABS.length]
        : event.key === 'ArrowUp'
          ? TABS[(index - 1 + TABS.length) % TABS.length]
          : event.key === 'Home'
            ? TABS[0]
            : event.key === 'End'
              ? TABS[TABS.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    onTab(next.id);
    document.getElementById(`mla-tab-${next.id}`)?.focus();
  };
  return (
    <nav className="mla-nav" aria-label="Configuration sections">
      <div role="tablist" aria-orientation="vertical" className="mla-tabs">
        {TABS.map((each) => {
          const problems = count(each.id);
          const size = sizes[each.id];
          return (
            <button
              key={each.id}
              type="button"
              role="tab"
              id={`mla-tab-${each.id}`}
              aria-selected={tab === each.id}
              aria-controls={`mla-panel-${each.id}`}
              tabIndex={tab === each.id ? 0 : -1}
              className="mla-tab"
              data-testid={`nav-${each.id}`}
              onClick={() => onTab(each.id)}
              onKeyDown={onKeyDown}
            >
              <span className="mla-tab-label">{each.label}</span>
              {problems > 0 ? (
                <span className="mla-tab-problems">
                  <ErrorIcon label="" size="small" color="currentColor" />
                  {problems}
                  <span className="mll-sr-only"> {problems === 1 ? 'problem' : 'problems'}</span>
                </span>
              ) : (
                size !== null && <span className="mla-tab-count">{size}</span>
              )}
            </button>
          );
        })}
      </div>
    </nav>
  );
}
