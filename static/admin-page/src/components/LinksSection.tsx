import { useId } from 'react';
import Button from '@atlaskit/button/new';
import AddIcon from '@atlaskit/icon/core/add';
import type { DependencyLinkType, SiteCatalog } from '../../../../src/contract/admin-api';
import { move, removeAt, replaceAt } from '../model/edit';
import { AnchorProblems, SelectField, TextField, useEditable } from './controls';
import { RowActions, SectionHead, useCatalog } from './common';
import type { SectionProps } from './LanesSection';

type LinkType = SiteCatalog['linkTypes'][number];

/** Which Jira link types are dependencies, and which side of each must finish first. */
export function LinksSection({ config, onChange }: SectionProps) {
  const editable = useEditable();
  const catalog = useCatalog();
  const headingId = useId();
  const links = config.dependencyLinkTypes;
  const unused = catalog.linkTypes.filter((type) => !links.some((link) => link.name === type.name));
  const setLink = (index: number, link: DependencyLinkType) =>
    onChange({ ...config, dependencyLinkTypes: replaceAt(links, index, link) });
  return (
    <section className="mla-section" data-testid="section-links" aria-labelledby={headingId}>
      <SectionHead id={headingId} title="Dependency links">
        The issue link types that mean “this work waits on that work”. For each, say which issue is upstream:
        the one that has to finish first. Handoffs and blocked work are computed from these links.
      </SectionHead>
      <AnchorProblems anchor="dependencyLinkTypes" />
      <ol className="mla-list">
        {links.map((link, index) => (
          <LinkRow
            key={index}
            link={link}
            index={index}
            count={links.length}
            types={catalog.linkTypes}
            taken={links.filter((_, position) => position !== index).map((each) => each.name)}
            onLink={(next) => setLink(index, next)}
            onMove={(delta) => onChange({ ...config, dependencyLinkTypes: move(links, index, delta) })}
            onRemove={() => onChange({ ...config, dependencyLinkTypes: removeAt(links, index) })}
          />
        ))}
      </ol>
      <div className="mla-add-row">
        <Button
          iconBefore={AddIcon}
          isDisabled={!editable || (catalog.linkTypes.length > 0 && unused.length === 0)}
          onClick={() =>
            onChange({
              ...config,
              dependencyLinkTypes: [...links, { name: unused[0]?.name ?? '', upstream: 'outward' }],
            })
          }
          testId="add-link-type"
        >
          Add link type
        </Button>
        {catalog.linkTypes.length > 0 && unused.length === 0 && (
          <span className="mla-hint">Every link type of this site is listed.</span>
        )}
      </div>
      <label className="mll-check mla-same-project">
        <input
          type="checkbox"
          checked={config.boardIndex.sameProjectOnly}
          disabled={!editable}
          onChange={(event) =>
            onChange({
              ...config,
              boardIndex: { ...config.boardIndex, sameProjectOnly: event.target.checked },
            })
          }
          data-testid="same-project-only"
        />
        <span>
          On the board, count only upstream work in the same project. The app writes each issue’s “ML handoff”
          field for everyone who can see the issue; without this, its count includes upstream work in other
          projects that some viewers may not be allowed to see (never which issues, only how many and their
          lanes).
        </span>
      </label>
    </section>
  );
}

function LinkRow({
  link,
  index,
  count,
  types,
  taken,
  onLink,
  onMove,
  onRemove,
}: {
  link: DependencyLinkType;
  index: number;
  count: number;
  types: LinkType[];
  taken: string[];
  onLink: (link: DependencyLinkType) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
}) {
  const editable = useEditable();
  const name = useId();
  const type = types.find((each) => each.name === link.name);
  const outward = type?.outward ?? 'outward phrase';
  const inward = type?.inward ?? 'inward phrase';
  const upstream = link.upstream ?? 'outward';
  const options = types
    .filter((each) => each.name === link.name || !taken.includes(each.name))
    .map((each) => ({ value: each.name, label: `${each.name} (${each.outward} / ${each.inward})` }));
  return (
    <li className="mla-card mla-link" data-testid="link-row" data-name={link.name}>
      <div className="mla-card-main">
        <div className="mla-link-fields">
          {types.length > 0 ? (
            <SelectField
              label="Link type"
              value={link.name}
              options={options}
              onChange={(value) => onLink({ ...link, name: value })}
              anchor={`dependencyLinkTypes[${index}]`}
              hint={type ? undefined : link.name ? 'This site has no link type by that name.' : undefined}
              testId="link-type"
            />
          ) : (
            <TextField
              label="Link type name"
              value={link.name}
              onChange={(value) => onLink({ ...link, name: value })}
              anchor={`dependencyLinkTypes[${index}]`}
              testId="link-type"
            />
          )}
          <fieldset className="mla-direction">
            <legend className="mla-label">Which issue is upstream (finishes first)?</legend>
            {(
              [
                { value: 'outward', phrase: outward },
                { value: 'inward', phrase: inward },
              ] as const
            ).map((option) => (
              <label key={option.value} className="mll-check mla-direction-option">
                <input
                  type="radio"
                  name={name}
                  checked={upstream === option.value}
                  disabled={!editable}
                  onChange={() => onLink({ ...link, upstream: option.value })}
                  data-testid={`link-upstream-${option.value}`}
                />
                <span>
                  “X <strong>{option.phrase}</strong> Y”: <strong>X</strong> is upstream
                </span>
              </label>
            ))}
          </fieldset>
        </div>
        <RowActions
          what={`link type ${link.name || index + 1}`}
          index={index}
          count={count}
          onMove={onMove}
          onRemove={onRemove}
          testPrefix="link"
        />
      </div>
    </li>
  );
}
