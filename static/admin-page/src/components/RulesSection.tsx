import { useId } from 'react';
import Button, { IconButton } from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import AddIcon from '@atlaskit/icon/core/add';
import CrossIcon from '@atlaskit/icon/core/cross';
import type { ClassificationRule, RuleCondition } from '../../../../src/contract/admin-api';
import {
  CONDITION_FIELDS,
  move,
  newCondition,
  newRule,
  opsFor,
  removeAt,
  replaceAt,
  withConditionField,
  withConditionOp,
  type ConditionField,
  type ConditionOp,
  type RuleKind,
} from '../model/edit';
import {
  AnchorProblems,
  InlineProblems,
  ListField,
  Segmented,
  SelectField,
  TextField,
  useEditable,
  useProblems,
} from './controls';
import { RowActions, SectionHead, useCatalog } from './common';
import type { SectionProps } from './LanesSection';

const KIND_WORDS: Record<RuleKind, { label: string; appearance: 'new' | 'inprogress' | 'moved' }> = {
  'lane-label': { label: 'Lane label', appearance: 'new' },
  keywords: { label: 'Keywords', appearance: 'inprogress' },
  conditions: { label: 'Conditions', appearance: 'moved' },
};

/** The classification rules, in order: the first that matches an issue decides its lane. */
export function RulesSection({ config, onChange }: SectionProps) {
  const editable = useEditable();
  const headingId = useId();
  const laneOptions = config.lanes.map((lane) => ({ value: lane.id, label: lane.name || lane.id }));
  const setRule = (index: number, rule: ClassificationRule) =>
    onChange({ ...config, rules: replaceAt(config.rules, index, rule) });
  const add = (kind: RuleKind) =>
    onChange({ ...config, rules: [...config.rules, newRule(kind, config.lanes[0]?.id ?? '')] });
  return (
    <section className="mla-section" data-testid="section-rules" aria-labelledby={headingId}>
      <SectionHead id={headingId} title="Classification rules">
        ML Lanes tries the rules from top to bottom; the first rule that matches an issue decides its lane.
        Issues that no rule matches are Unclassified.
      </SectionHead>
      <AnchorProblems anchor="rules" />
      {config.rules.length === 0 && (
        <p className="mll-none">No rules: every issue is Unclassified. Add a rule below.</p>
      )}
      <ol className="mla-list">
        {config.rules.map((rule, index) => (
          <RuleRow
            key={index}
            rule={rule}
            index={index}
            count={config.rules.length}
            laneOptions={laneOptions}
            onRule={(next) => setRule(index, next)}
            onMove={(delta) => onChange({ ...config, rules: move(config.rules, index, delta) })}
            onRemove={() => onChange({ ...config, rules: removeAt(config.rules, index) })}
          />
        ))}
      </ol>
      <div className="mla-add-row" role="group" aria-label="Add a rule">
        <Button
          iconBefore={AddIcon}
          onClick={() => add('conditions')}
          isDisabled={!editable}
          testId="add-rule-conditions"
        >
          Conditions rule
        </Button>
        <Button
          iconBefore={AddIcon}
          onClick={() => add('keywords')}
          isDisabled={!editable}
          testId="add-rule-keywords"
        >
          Keyword rule
        </Button>
        <Button
          iconBefore={AddIcon}
          onClick={() => add('lane-label')}
          isDisabled={!editable}
          testId="add-rule-label"
        >
          Lane-label rule
        </Button>
      </div>
    </section>
  );
}

interface RuleRowProps {
  rule: ClassificationRule;
  index: number;
  count: number;
  laneOptions: { value: string; label: string }[];
  onRule: (rule: ClassificationRule) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
}

function RuleRow({ rule, index, count, laneOptions, onRule, onMove, onRemove }: RuleRowProps) {
  const kind = KIND_WORDS[rule.kind];
  const base = `rules[${index}]`;
  return (
    <li className="mla-card mla-rule" data-testid="rule-row" data-index={index} data-kind={rule.kind}>
      <div className="mla-card-main">
        <span className="mla-ordinal" aria-label={`Rule ${index + 1}`}>
          {index + 1}
        </span>
        <div className="mla-rule-head">
          <Lozenge appearance={kind.appearance}>{kind.label}</Lozenge>
          {rule.kind === 'lane-label' ? (
            <span className="mla-subtle">Puts issues in the lane their label names</span>
          ) : (
            <span className="mla-rule-to" aria-hidden="true">
              puts issues in
            </span>
          )}
          {rule.kind !== 'lane-label' && (
            <SelectField
              label={`Lane for rule ${index + 1}`}
              hideLabel
              value={rule.lane}
              options={laneOptions}
              onChange={(lane) => onRule({ ...rule, lane })}
              anchor={`${base}.lane`}
              className="mla-rule-lane"
              testId="rule-lane"
            />
          )}
        </div>
        <RowActions
          what={`rule ${index + 1}`}
          index={index}
          count={count}
          onMove={onMove}
          onRemove={onRemove}
          testPrefix="rule"
        />
      </div>
      <div className="mla-card-body">
        {rule.kind === 'lane-label' && (
          <TextField
            label="Label prefix"
            value={rule.prefix}
            onChange={(prefix) => onRule({ ...rule, prefix })}
            anchor={`${base}.prefix`}
            mono
            className="mla-narrow"
            hint={
              <>
                An issue labelled <code>{rule.prefix || '…'}model</code> goes to the lane with id “model”.
              </>
            }
          />
        )}
        {rule.kind === 'keywords' && <KeywordRuleBody rule={rule} base={base} onRule={onRule} />}
        {rule.kind === 'conditions' && <ConditionsBody rule={rule} base={base} onRule={onRule} />}
      </div>
      <AnchorProblems anchor={base} />
    </li>
  );
}

type KeywordRule = Extract<ClassificationRule, { kind: 'keywords' }>;
type ConditionsRule = Extract<ClassificationRule, { kind: 'conditions' }>;

const PLACES: { value: KeywordRule['in'][number]; label: string }[] = [
  { value: 'labels', label: 'Labels' },
  { value: 'components', label: 'Components' },
  { value: 'summary', label: 'Summary' },
];

function KeywordRuleBody({
  rule,
  base,
  onRule,
}: {
  rule: KeywordRule;
  base: string;
  onRule: (rule: ClassificationRule) => void;
}) {
  const editable = useEditable();
  const problems = useProblems(`${base}.in`);
  return (
    <div className="mla-keywords">
      <fieldset className="mla-places" aria-invalid={problems.length > 0 || undefined}>
        <legend className="mla-label">Look in</legend>
        <div className="mla-places-row">
          {PLACES.map((place) => (
            <label key={place.value} className="mll-check">
              <input
                type="checkbox"
                checked={rule.in.includes(place.value)}
                disabled={!editable}
                onChange={(event) =>
                  onRule({
                    ...rule,
                    in: event.target.checked
                      ? PLACES.map((each) => each.value).filter(
                          (each) => each === place.value || rule.in.includes(each),
                        )
                      : rule.in.filter((each) => each !== place.value),
                  })
                }
              />
              {place.label}
            </label>
          ))}
        </div>
        <InlineProblems anchor={`${base}.in`} problems={problems} />
      </fieldset>
      <ListField
        label="Keywords (comma-separated, whole words)"
        value={rule.keywords}
        onChange={(keywords) => onRule({ ...rule, keywords })}
        anchor={`${base}.keywords`}
        className="mla-grow"
        placeholder="e.g. dataset, labeling, annotation"
        testId="rule-keywords"
      />
    </div>
  );
}

function ConditionsBody({
  rule,
  base,
  onRule,
}: {
  rule: ConditionsRule;
  base: string;
  onRule: (rule: ClassificationRule) => void;
}) {
  const editable = useEditable();
  const name = useId();
  const match = rule.match ?? 'all';
  const setCondition = (index: number, condition: RuleCondition) =>
    onRule({ ...rule, conditions: replaceAt(rule.conditions, index, condition) });
  return (
    <div className="mla-conditions">
      <div className="mla-match">
        <span className="mla-label" aria-hidden="true">
          Match
        </span>
        <Segmented
          label={`Rule ${base}: how conditions combine`}
          name={name}
          value={match}
          options={[
            { value: 'all', label: 'All conditions' },
            { value: 'any', label: 'Any condition' },
          ]}
          onChange={(value) => onRule({ ...rule, match: value })}
          testId="rule-match"
        />
      </div>
      <AnchorProblems anchor={`${base}.match`} />
      <ol className="mla-condition-list">
        {rule.conditions.map((condition, index) => (
          <ConditionRow
            key={index}
            condition={condition}
            base={`${base}.conditions[${index}]`}
            joiner={index === 0 ? 'If' : match === 'all' ? 'and' : 'or'}
            onCondition={(next) => setCondition(index, next)}
            onRemove={() => onRule({ ...rule, conditions: removeAt(rule.conditions, index) })}
          />
        ))}
      </ol>
      <AnchorProblems anchor={`${base}.conditions`} />
      <Button
        appearance="subtle"
        spacing="compact"
        iconBefore={AddIcon}
        isDisabled={!editable}
        onClick={() => onRule({ ...rule, conditions: [...rule.conditions, newCondition()] })}
        testId="add-condition"
      >
        Add condition
      </Button>
    </div>
  );
}

function ConditionRow({
  condition,
  base,
  joiner,
  onCondition,
  onRemove,
}: {
  condition: RuleCondition;
  base: string;
  joiner: string;
  onCondition: (condition: RuleCondition) => void;
  onRemove: () => void;
}) {
  const editable = useEditable();
  const catalog = useCatalog();
  const suggestions = valueSuggestions(condition.field, catalog);
  return (
    <li className="mla-condition" data-testid="condition-row">
      <span className="mla-joiner" aria-hidden="true">
        {joiner}
      </span>
      <div className="mla-condition-fields">
        <SelectField
          label="Field"
          hideLabel
          value={condition.field}
          options={CONDITION_FIELDS}
          onChange={(field) => onCondition(withConditionField(condition, field as ConditionField))}
          anchor={`${base}.field`}
          testId="condition-field"
        />
        {condition.field === 'customField' && (
          <TextField
            label="Custom field (name or id)"
            hideLabel
            value={condition.fieldId ?? ''}
            placeholder="Field name or id"
            onChange={(fieldId) => onCondition({ ...condition, fieldId })}
            anchor={`${base}.fieldId`}
            suggestions={catalog.fields.map((field) => field.name)}
            testId="condition-field-id"
          />
        )}
        <SelectField
          label="Operator"
          hideLabel
          value={condition.op}
          options={opsFor(condition.field)}
          onChange={(op) => onCondition(withConditionOp(condition, op as ConditionOp))}
          anchor={`${base}.op`}
          testId="condition-op"
        />
        {(condition.op === 'equals' || condition.op === 'contains') && (
          <TextField
            label="Value"
            hideLabel
            value={condition.value}
            placeholder="Value"
            onChange={(value) => onCondition({ ...condition, value })}
            anchor={`${base}.value`}
            suggestions={suggestions}
            className="mla-grow"
            testId="condition-value"
          />
        )}
        {condition.op === 'keywords' && (
          <ListField
            label="Summary keywords (comma-separated)"
            hideLabel
            value={condition.keywords}
            placeholder="Keywords, comma-separated"
            onChange={(keywords) => onCondition({ ...condition, keywords })}
            anchor={`${base}.keywords`}
            className="mla-grow"
            testId="condition-keywords"
          />
        )}
        {condition.op === 'regex' && (
          <TextField
            label="Regular expression (case-insensitive)"
            hideLabel
            value={condition.pattern}
            placeholder="Regular expression, e.g. ^\[data\]"
            onChange={(pattern) => onCondition({ ...condition, pattern })}
            anchor={`${base}.pattern`}
            mono
            className="mla-grow"
            testId="condition-pattern"
          />
        )}
      </div>
      <IconButton
        icon={CrossIcon}
        label="Remove condition"
        appearance="subtle"
        spacing="compact"
        isDisabled={!editable}
        onClick={onRemove}
        testId="condition-remove"
      />
      <div className="mla-condition-problems">
        <AnchorProblems anchor={base} />
      </div>
    </li>
  );
}

function valueSuggestions(field: ConditionField, catalog: ReturnType<typeof useCatalog>): string[] {
  switch (field) {
    case 'issueType':
      return catalog.issueTypes;
    case 'labels':
      return catalog.labels;
    case 'components':
      return catalog.components;
    case 'project':
      return catalog.projects.map((project) => project.key);
    // Free text: nothing on the site to suggest.
    case 'summary':
    case 'parent':
    case 'customField':
      return [];
  }
}
