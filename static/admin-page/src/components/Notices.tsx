import { useEffect, useRef } from 'react';
import Button, { IconButton } from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import CheckCircleIcon from '@atlaskit/icon/core/check-circle';
import CrossIcon from '@atlaskit/icon/core/cross';
import type { Busy, Notice } from '../hooks/use-write';
import type { MergeConflict } from '../model/merge';
import { plural } from '../format';
import { ChangeList } from './ConfigDiff';

export interface NoticesProps {
  flag: string | null;
  notice: Notice | null;
  busy: Busy;
  onDismissFlag: () => void;
  onReload: () => void;
  onKeepMine: () => void;
  onUseTheirs: () => void;
  onTakeTheirs: (conflict: MergeConflict) => void;
  onDismiss: () => void;
}

/** The success flag and what a write that did not go through has to say; focused when a notice appears. */
export function Notices({ flag, notice, busy, onDismissFlag, ...actions }: NoticesProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) ref.current?.focus();
  }, [notice]);
  if (!notice && !flag) return null;
  return (
    <div className="mla-notices" ref={ref} tabIndex={-1}>
      {flag && (
        <div className="mla-flag" role="status" data-testid="saved-flag">
          <CheckCircleIcon label="Success:" color="currentColor" />
          <span className="mla-flag-text">{flag}</span>
          <IconButton
            icon={CrossIcon}
            label="Dismiss"
            appearance="subtle"
            spacing="compact"
            onClick={onDismissFlag}
          />
        </div>
      )}
      {notice && <NoticeView notice={notice} busy={busy} {...actions} />}
    </div>
  );
}

type NoticeViewProps = Omit<NoticesProps, 'flag' | 'notice' | 'onDismissFlag'> & { notice: Notice };

function NoticeView({
  notice,
  busy,
  onReload,
  onKeepMine,
  onUseTheirs,
  onTakeTheirs,
  onDismiss,
}: NoticeViewProps) {
  switch (notice.kind) {
    case 'conflict':
      return (
        <div data-testid="conflict-banner" data-revision={notice.currentRevision}>
          <SectionMessage
            appearance="warning"
            title={`Someone else saved revision ${notice.currentRevision} while you were editing`}
          >
            <p>
              Nothing was saved. Reload their revision to put your changes on top of it and compare, then save
              again.
            </p>
            <div className="mla-message-actions">
              <Button
                appearance="primary"
                onClick={onReload}
                isLoading={busy === 'reload'}
                testId="conflict-reload"
              >
                Reload and keep my changes
              </Button>
              <Button appearance="subtle" onClick={onDismiss}>
                Not now
              </Button>
            </div>
          </SectionMessage>
        </div>
      );
    case 'reloaded':
      return (
        <div data-testid="conflict-banner" data-revision={notice.revision} data-state="reloaded">
          <SectionMessage
            appearance={notice.conflicts.length > 0 ? 'warning' : 'information'}
            title={`Revision ${notice.revision} reloaded, with your changes on top`}
          >
            <p>
              {notice.theirChanges.length === 0
                ? 'Their revision changed nothing you can see.'
                : `Their revision changed ${plural(notice.theirChanges.length, 'thing')}; those are in your editor now:`}
            </p>
            {notice.theirChanges.length > 0 && (
              <ChangeList changes={notice.theirChanges} testId="conflict-diff" empty="" />
            )}
            {notice.conflicts.length > 0 && (
              <>
                <p className="mla-conflict-lead">
                  You both changed {plural(notice.conflicts.length, 'place')}; yours is kept for now:
                </p>
                <ul className="mla-diff" data-testid="conflict-list">
                  {notice.conflicts.map((conflict) => (
                    <li
                      key={conflict.path}
                      className="mla-diff-item mla-diff--changed"
                      data-path={conflict.path}
                    >
                      <span className="mla-diff-kind">Both</span>
                      <code className="mla-diff-path">{conflict.path}</code>
                      <span className="mla-diff-values">
                        Theirs <ins className="mla-diff-after">{shortJson(conflict.theirs)}</ins>, yours{' '}
                        <ins className="mla-diff-after">{shortJson(conflict.mine)}</ins>{' '}
                        <Button spacing="compact" appearance="subtle" onClick={() => onTakeTheirs(conflict)}>
                          Use theirs
                        </Button>
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <div className="mla-message-actions">
              <Button appearance="primary" onClick={onKeepMine} testId="conflict-keep-mine">
                Keep my changes
              </Button>
              <Button onClick={onUseTheirs} testId="conflict-use-theirs">
                Discard mine, keep theirs
              </Button>
            </div>
          </SectionMessage>
        </div>
      );
    case 'import-problems':
      return (
        <div data-testid="import-problems">
          <SectionMessage appearance="error" title="Nothing was imported: the file has problems">
            <p>{notice.message}</p>
            {notice.problems.length > 0 && (
              <ul className="mla-import-problems">
                {notice.problems.map((problem, index) => (
                  <li key={index} data-testid="import-problem" data-path={problem.path}>
                    <code>{problem.path}</code>: {problem.message}
                  </li>
                ))}
              </ul>
            )}
            <div className="mla-message-actions">
              <Button appearance="subtle" onClick={onDismiss}>
                Dismiss
              </Button>
            </div>
          </SectionMessage>
        </div>
      );
    case 'error':
      return (
        <div data-testid="write-error" data-code={notice.error.code}>
          <SectionMessage appearance="error" title={notice.title}>
            <p>{notice.error.message}</p>
            <div className="mla-message-actions">
              <Button appearance="subtle" onClick={onDismiss}>
                Dismiss
              </Button>
            </div>
          </SectionMessage>
        </div>
      );
  }
}

function shortJson(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
