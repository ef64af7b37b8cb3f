import { useEffect, useId, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import AddIcon from '@atlaskit/icon/core/add';
import CheckIcon from '@atlaskit/icon/core/check-mark';
import type { LaneConfig } from '../../../../src/contract/admin-api';
import {
  addLane,
  isUsed,
  LANE_COLOURS,
  laneUsage,
  move,
  removeLane,
  renameLaneId,
  updateLane,
  type Config,
  type LaneRemoval,
  type LaneUsage,
} from '../model/edit';
import {
  AnchorProblems,
  InlineProblems,
  problemProps,
  TextField,
  useEditable,
  useProblems,
} from './controls';
import { RowActions, SectionHead } from './common';
import { plural } from '../format';

export interface SectionProps {
  config: Config;
  onChange: (config: Config) => void;
}

/** Lanes: add, rename, reorder, recolour, remove (asking what happens to the rules and DoD that use a lane). */
export function LanesSection({ config, onChange }: SectionProps) {
  const editable = useEditable();
  const [removing, setRemoving] = useState<number | null>(null);
  const headingId = useId();

  const remove = (index: number) => {
    if (isUsed(laneUsage(config, index))) setRemoving(index);
    else onChange(removeLane(config, index, { kind: 'delete' }));
  };

  return (
    <section className="mla-section" data-testid="section-lanes" aria-labelledby={headingId}>
      <SectionHead id={headingId} title="Lanes">
        The kinds of work an issue can belong to, in the order the planning panel shows them. Issues get a
        lane from the classification rules.
      </SectionHead>
      <AnchorProblems anchor="lanes" />
      <ol className="mla-list">
        {config.lanes.map((lane, index) => (
          <LaneRow
            key={index}
            lane={lane}
            index={index}
            count={config.lanes.length}
            onLane={(patch) => onChange(updateLane(config, index, patch))}
            onId={(id) => onChange(renameLaneId(config, index, id))}
            onMove={(delta) => {
              setRemoving(null);
              onChange({ ...config, lanes: move(config.lanes, index, delta) });
            }}
            onRemove={() => remove(index)}
            removal={
              removing === index ? (
                <RemoveLaneDialog
                  config={config}
                  index={index}
                  usage={laneUsage(config, index)}
                  onCancel={() => setRemoving(null)}
                  onConfirm={(removal) => {
                    setRemoving(null);
                    onChange(removeLane(config, index, removal));
                  }}
                />
              ) : null
            }
          />
        ))}
      </ol>
      <div className="mla-add-row">
        <Button
          iconBefore={AddIcon}
          onClick={() => onChange(addLane(config))}
          isDisabled={!editable}
          testId="add-lane"
        >
          Add lane
        </Button>
      </div>
    </section>
  );
}

interface LaneRowProps {
  lane: LaneConfig;
  index: number;
  count: number;
  onLane: (patch: Partial<LaneConfig>) => void;
  onId: (id: string) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
  removal: React.ReactNode;
}

function LaneRow({ lane, index, count, onLane, onId, onMove, onRemove, removal }: LaneRowProps) {
  const name = lane.name.trim() || `lane ${index + 1}`;
  return (
    <li
      className="mla-card mla-lane"
      data-testid="lane-row"
      data-lane={lane.id}
      style={{ '--mla-lane-color': lane.color ?? 'transparent' } as React.CSSProperties}
    >
      <div className="mla-card-main">
        <span className="mla-ordinal" aria-hidden="true">
          {index + 1}
        </span>
        <div className="mla-lane-fields">
          <TextField
            label="Name"
            value={lane.name}
            onChange={(value) => onLane({ name: value })}
            anchor={`lanes[${index}].name`}
            maxLength={60}
            className="mla-grow"
            testId="lane-name"
          />
          <LaneIdField id={lane.id} index={index} onCommit={onId} />
          <ColourField lane={lane} index={index} onColour={(color) => onLane({ color })} />
        </div>
        <RowActions
          what={`lane ${name}`}
          index={index}
          count={count}
          onMove={onMove}
          onRemove={onRemove}
          testPrefix="lane"
        />
      </div>
      <AnchorProblems anchor={`lanes[${index}]`} />
      {removal}
    </li>
  );
}

/**
 * The lane id, changed when the admin leaves the field (or presses Enter), so that the rules, DoD and capacity
 * that use it follow in one step instead of one letter at a time.
 */
function LaneIdField({ id, index, onCommit }: { id: string; index: number; onCommit: (id: string) => void }) {
  const [text, setText] = useState(id);
  useEffect(() => setText(id), [id]);
  const commit = () => {
    if (text !== id) onCommit(text.trim());
  };
  return (
    <TextField
      label="ID"
      value={text}
      onChange={setText}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
        if (event.key === 'Escape') setText(id);
      }}
      anchor={`lanes[${index}].id`}
      mono
      className="mla-lane-id"
      hint={
        <>
          Label: <code>lane:{text || '…'}</code>
        </>
      }
      testId="lane-id"
    />
  );
}

/** Swatches (each named, the chosen one ticked) and the hex value itself. */
function ColourField({
  lane,
  index,
  onColour,
}: {
  lane: LaneConfig;
  index: number;
  onColour: (color: string | undefined) => void;
}) {
  const editable = useEditable();
  const anchor = `lanes[${index}].color`;
  const problems = useProblems(anchor);
  const groupName = useId();
  const hexId = useId();
  const current = lane.color?.toUpperCase();
  const linked = problemProps(anchor, problems);
  return (
    <div className="mla-field mla-colour">
      <span className="mla-label" id={`${groupName}-label`}>
        Colour
      </span>
      <div className="mla-colour-row">
        <div className="mla-swatches" role="radiogroup" aria-labelledby={`${groupName}-label`}>
          {LANE_COLOURS.map((colour) => {
            const checked = colour.hex === current;
            return (
              <label key={colour.hex} className="mla-swatch" title={colour.name}>
                <input
                  type="radio"
                  className="mll-sr-only"
                  name={groupName}
                  value={colour.hex}
                  checked={checked}
                  disabled={!editable}
                  onChange={() => onColour(colour.hex)}
                />
                <span className="mla-swatch-chip" style={{ background: colour.hex }} aria-hidden="true">
                  {checked && <CheckIcon label="" size="small" color="currentColor" />}
                </span>
                <span className="mll-sr-only">{colour.name}</span>
              </label>
            );
          })}
        </div>
        <label className="mll-sr-only" htmlFor={linked.id ?? hexId}>
          Colour as hex (#rrggbb)
        </label>
        <input
          {...linked}
          id={linked.id ?? hexId}
          className="mla-input mla-input--mono mla-hex"
          value={lane.color ?? ''}
          placeholder="#rrggbb"
          disabled={!editable}
          spellCheck={false}
          maxLength={7}
          onChange={(event) => onColour(event.target.value === '' ? undefined : event.target.value)}
        />
      </div>
      <InlineProblems anchor={anchor} problems={problems} />
    </div>
  );
}

function usageWords(usage: LaneUsage): string {
  const parts: string[] = [];
  if (usage.rules.length > 0) parts.push(plural(usage.rules.length, 'classification rule'));
  if (usage.dod) parts.push(`a Definition of Done with ${plural(usage.dod.items.length, 'item')}`);
  if (usage.capacity) parts.push('a capacity setting');
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** Asks what happens to the rules and DoD of a lane being removed: moved to another lane, or deleted. */
function RemoveLaneDialog({
  config,
  index,
  usage,
  onCancel,
  onConfirm,
}: {
  config: Config;
  index: number;
  usage: LaneUsage;
  onCancel: () => void;
  onConfirm: (removal: LaneRemoval) => void;
}) {
  const lane = config.lanes[index]!;
  const others = config.lanes.filter((each, position) => position !== index && each.id !== lane.id);
  const [choice, setChoice] = useState<'move' | 'delete'>(others.length > 0 ? 'move' : 'delete');
  const [target, setTarget] = useState(others[0]?.id ?? '');
  const titleId = useId();
  const name = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const movable = usage.rules.length > 0 || usage.dod !== null;
  return (
    <div
      className="mla-confirm"
      role="group"
      aria-labelledby={titleId}
      data-testid="remove-lane-dialog"
      tabIndex={-1}
      ref={ref}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <p id={titleId} className="mla-confirm-title">
        Remove lane “{lane.name || lane.id}”? It is used by {usageWords(usage)}.
      </p>
      {movable && (
        <fieldset className="mla-confirm-choices">
          <legend className="mla-label">What should happen to its rules and Definition of Done?</legend>
          {others.length > 0 && (
            <div className="mla-choice">
              <label className="mll-check">
                <input
                  type="radio"
                  name={name}
                  checked={choice === 'move'}
                  onChange={() => setChoice('move')}
                  data-testid="remove-lane-move"
                />
                Move them to
              </label>
              <select
                className="mla-input mla-select mla-inline-select"
                aria-label="Lane to move them to"
                value={target}
                disabled={choice !== 'move'}
                onChange={(event) => setTarget(event.target.value)}
                data-testid="remove-lane-target"
              >
                {others.map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.name || other.id}
                  </option>
                ))}
              </select>
            </div>
          )}
          <label className="mll-check">
            <input
              type="radio"
              name={name}
              checked={choice === 'delete'}
              onChange={() => setChoice('delete')}
              data-testid="remove-lane-delete"
            />
            Delete them with the lane
          </label>
        </fieldset>
      )}
      {usage.capacity && <p className="mla-hint">The lane’s capacity setting is removed with it.</p>}
      <div className="mla-confirm-actions">
        <Button
          appearance="danger"
          onClick={() =>
            onConfirm(choice === 'move' && target ? { kind: 'move', to: target } : { kind: 'delete' })
          }
          testId="remove-lane-confirm"
        >
          Remove lane
        </Button>
        <Button appearance="subtle" onClick={onCancel} testId="remove-lane-cancel">
          Cancel
        </Button>
      </div>
    </div>
  );
}
