import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import type { Change } from '../model/diff';

const SHOWN = 12;

const KIND_WORDS: Record<Change['kind'], string> = { added: 'Added', removed: 'Removed', changed: 'Changed' };

/** The edited configuration against a baseline, path by path. */
export function ChangeList({
  changes,
  testId,
  empty,
}: {
  changes: Change[];
  testId?: string;
  empty: string;
}) {
  const [all, setAll] = useState(false);
  if (changes.length === 0)
    return (
      <p className="mla-subtle mla-diff-empty" data-testid={testId}>
        {empty}
      </p>
    );
  const shown = all ? changes : changes.slice(0, SHOWN);
  return (
    <div data-testid={testId}>
      <ul className="mla-diff">
        {shown.map((change) => (
          <li
            key={`${change.kind}:${change.path}`}
            className={`mla-diff-item mla-diff--${change.kind}`}
            data-path={change.path}
          >
            <span className="mla-diff-kind">{KIND_WORDS[change.kind]}</span>
            <code className="mla-diff-path">{change.path}</code>
            <span className="mla-diff-values">
              {change.before !== undefined && <del className="mla-diff-before">{change.before}</del>}
              {change.before !== undefined && change.after !== undefined && (
                <span aria-hidden="true"> → </span>
              )}
              {change.after !== undefined && <ins className="mla-diff-after">{change.after}</ins>}
            </span>
          </li>
        ))}
      </ul>
      {changes.length > SHOWN && (
        <Button appearance="subtle" spacing="compact" onClick={() => setAll((value) => !value)}>
          {all ? 'Show fewer' : `Show all ${changes.length} changes`}
        </Button>
      )}
    </div>
  );
}

export function ConfigDiff({ changes, baseline }: { changes: Change[]; baseline: string }) {
  const headingId = useId();
  return (
    <section className="mla-panel" aria-labelledby={headingId}>
      <h2 className="mla-panel-title" id={headingId}>
        Unsaved changes{changes.length > 0 ? ` (${changes.length})` : ''}
      </h2>
      <p className="mla-section-note">Compared with {baseline}.</p>
      <ChangeList changes={changes} testId="config-diff" empty="Nothing changed yet." />
    </section>
  );
}
