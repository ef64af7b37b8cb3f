/** Small pieces shared by the sections: a section heading, row actions, the catalog context. */
import { createContext, useContext, type ReactNode } from 'react';
import { IconButton } from '@atlaskit/button/new';
import ArrowUpIcon from '@atlaskit/icon/core/arrow-up';
import ArrowDownIcon from '@atlaskit/icon/core/arrow-down';
import DeleteIcon from '@atlaskit/icon/core/delete';
import type { SiteCatalog } from '../../../../src/contract/admin-api';
import { useEditable } from './controls';

export const EMPTY_CATALOG: SiteCatalog = {
  issueTypes: [],
  fields: [],
  projects: [],
  components: [],
  labels: [],
  linkTypes: [],
};

/** What the site has (issue types, fields, projects…), for pickers and suggestions. */
export const CatalogContext = createContext<SiteCatalog>(EMPTY_CATALOG);

export function useCatalog(): SiteCatalog {
  return useContext(CatalogContext);
}

export function SectionHead({ id, title, children }: { id: string; title: string; children?: ReactNode }) {
  return (
    <div className="mla-section-head">
      <h2 className="mla-section-title" id={id}>
        {title}
      </h2>
      {children && <p className="mla-section-note">{children}</p>}
    </div>
  );
}

export interface RowActionsProps {
  /** What the row is, for the buttons' labels: "rule 3", "lane Data". */
  what: string;
  index: number;
  count: number;
  onMove: (delta: number) => void;
  onRemove: () => void;
  /** Test id prefix: `rule` gives rule-move-up, rule-move-down, rule-remove. */
  testPrefix: string;
}

/** Move up, move down, remove: buttons with words for screen readers and tooltips. */
export function RowActions({ what, index, count, onMove, onRemove, testPrefix }: RowActionsProps) {
  const editable = useEditable();
  return (
    <div className="mla-row-actions" role="group" aria-label={`Actions for ${what}`}>
      <IconButton
        icon={ArrowUpIcon}
        label={`Move ${what} up`}
        appearance="subtle"
        spacing="compact"
        isDisabled={!editable || index === 0}
        onClick={() => onMove(-1)}
        testId={`${testPrefix}-move-up`}
      />
      <IconButton
        icon={ArrowDownIcon}
        label={`Move ${what} down`}
        appearance="subtle"
        spacing="compact"
        isDisabled={!editable || index === count - 1}
        onClick={() => onMove(1)}
        testId={`${testPrefix}-move-down`}
      />
      <IconButton
        icon={DeleteIcon}
        label={`Remove ${what}`}
        appearance="subtle"
        spacing="compact"
        isDisabled={!editable}
        onClick={onRemove}
        testId={`${testPrefix}-remove`}
      />
    </div>
  );
}

/** A lane's colour as a small dot next to its name (the name always says which lane it is). */
export function LaneDot({ color }: { color: string | undefined }) {
  return (
    <span className="mll-dot mla-dot" style={color ? { background: color } : undefined} aria-hidden="true" />
  );
}
