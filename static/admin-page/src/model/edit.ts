/**
 * Pure edits of the configuration document the admin page works on. Each returns a new document and leaves the
 * old one untouched, so React sees every change and the saved copy stays as it was for the diff.
 */
import type {
  ClassificationRule,
  DodItem,
  DodRule,
  DodTemplate,
  LaneConfig,
  MlLanesConfig,
  RuleCondition,
} from '../../../../src/contract/admin-api';

export type Config = MlLanesConfig;

/** Lane colours offered as swatches: Atlassian's chart colours (the defaults' blue, purple, green…). */
export const LANE_COLOURS: { name: string; hex: string }[] = [
  { name: 'Blue', hex: '#1D7AFC' },
  { name: 'Purple', hex: '#8270DB' },
  { name: 'Green', hex: '#22A06B' },
  { name: 'Orange', hex: '#D97008' },
  { name: 'Red', hex: '#C9372C' },
  { name: 'Teal', hex: '#2898BD' },
  { name: 'Magenta', hex: '#CD519D' },
  { name: 'Yellow', hex: '#B38600' },
  { name: 'Grey', hex: '#626F86' },
];

export function move<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  copy.splice(target, 0, item as T);
  return copy;
}

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((each, position) => (position === index ? item : each));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, position) => position !== index);
}

/** A lane id made from a name: "Feature store" → "feature-store", unique among `taken`. */
export function laneIdFrom(name: string, taken: ReadonlySet<string>): string {
  let base = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 28);
  if (!base) base = 'lane';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

export function addLane(config: Config): Config {
  const taken = new Set(config.lanes.map((lane) => lane.id));
  const used = new Set(config.lanes.map((lane) => lane.color?.toUpperCase()));
  const colour = LANE_COLOURS.find((each) => !used.has(each.hex))?.hex ?? LANE_COLOURS[0]!.hex;
  let name = 'New lane';
  for (let n = 2; config.lanes.some((lane) => lane.name === name); n++) name = `New lane ${n}`;
  return { ...config, lanes: [...config.lanes, { id: laneIdFrom(name, taken), name, color: colour }] };
}

export function updateLane(config: Config, index: number, patch: Partial<LaneConfig>): Config {
  const lane = config.lanes[index];
  if (!lane) return config;
  return { ...config, lanes: replaceAt(config.lanes, index, { ...lane, ...patch }) };
}

function otherLaneHas(config: Config, index: number, id: string): boolean {
  return config.lanes.some((lane, position) => position !== index && lane.id === id);
}

/**
 * Changes a lane's id, and the rules, DoD template and capacity that name it, when that is unambiguous (neither
 * the old nor the new id belongs to another lane); otherwise only the lane changes and the validator says what
 * now points nowhere.
 */
export function renameLaneId(config: Config, index: number, id: string): Config {
  const lane = config.lanes[index];
  if (!lane || lane.id === id) return config;
  const old = lane.id;
  const next = updateLane(config, index, { id });
  if (otherLaneHas(config, index, old) || otherLaneHas(config, index, id)) return next;
  return {
    ...next,
    rules: next.rules.map((rule) =>
      rule.kind !== 'lane-label' && rule.lane === old ? { ...rule, lane: id } : rule,
    ),
    dod: renameKey(next.dod, old, id),
    capacity: renameKey(next.capacity, old, id),
  };
}

function renameKey<T>(record: Record<string, T>, from: string, to: string): Record<string, T> {
  if (!(from in record) || to in record) return record;
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key === from ? to : key, value]));
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([each]) => each !== key));
}

export interface LaneUsage {
  /** Indexes of the rules that put issues in the lane. */
  rules: number[];
  /** The lane's DoD template, if it has one. */
  dod: DodTemplate | null;
  capacity: boolean;
}

/** What refers to a lane (nothing, when another lane shares its id: then the references stay with that one). */
export function laneUsage(config: Config, index: number): LaneUsage {
  const lane = config.lanes[index];
  if (!lane || otherLaneHas(config, index, lane.id)) return { rules: [], dod: null, capacity: false };
  const rules = config.rules.flatMap((rule, position) =>
    rule.kind !== 'lane-label' && rule.lane === lane.id ? [position] : [],
  );
  return { rules, dod: config.dod[lane.id] ?? null, capacity: lane.id in config.capacity };
}

export function isUsed(usage: LaneUsage): boolean {
  return usage.rules.length > 0 || usage.dod !== null || usage.capacity;
}

/** What happens to a removed lane's rules and DoD template: moved to another lane, or deleted with it. */
export type LaneRemoval = { kind: 'move'; to: string } | { kind: 'delete' };

/** Removes a lane; its capacity goes with it (it described that lane's people). */
export function removeLane(config: Config, index: number, removal: LaneRemoval): Config {
  const lane = config.lanes[index];
  if (!lane) return config;
  const lanes = removeAt(config.lanes, index);
  if (otherLaneHas(config, index, lane.id)) return { ...config, lanes };
  const id = lane.id;
  const rules: ClassificationRule[] =
    removal.kind === 'move'
      ? config.rules.map((rule) =>
          rule.kind !== 'lane-label' && rule.lane === id ? { ...rule, lane: removal.to } : rule,
        )
      : config.rules.filter((rule) => rule.kind === 'lane-label' || rule.lane !== id);
  let dod = withoutKey(config.dod, id);
  const template = config.dod[id];
  if (removal.kind === 'move' && template) {
    const target = config.dod[removal.to];
    dod = { ...dod, [removal.to]: target ? mergeTemplates(target, template) : template };
  }
  return { ...config, lanes, rules, dod, capacity: withoutKey(config.capacity, id) };
}

/** The target's items, then the moved ones (ids made unique). The target's enforce setting stays. */
function mergeTemplates(target: DodTemplate, moved: DodTemplate): DodTemplate {
  const taken = new Set(target.items.map((item) => item.id));
  const items = [...target.items];
  for (const item of moved.items) {
    let id = item.id;
    for (let n = 2; taken.has(id); n++) id = `${item.id.slice(0, 44)}-${n}`;
    taken.add(id);
    items.push({ ...item, id });
  }
  return { ...target, items };
}

export type RuleKind = ClassificationRule['kind'];

export function newRule(kind: RuleKind, lane: string): ClassificationRule {
  switch (kind) {
    case 'lane-label':
      return { kind, prefix: 'lane:' };
    case 'keywords':
      return { kind, lane, in: ['labels', 'components'], keywords: [] };
    case 'conditions':
      return {
        kind: 'conditions',
        lane,
        match: 'all',
        conditions: [{ op: 'equals', field: 'issueType', value: '' }],
      };
  }
}

/** What a condition looks at, as offered in the field picker (the summary has its own operators). */
export type ConditionField = RuleCondition['field'];
export type ConditionOp = RuleCondition['op'];

export const CONDITION_FIELDS: { value: ConditionField; label: string }[] = [
  { value: 'issueType', label: 'Issue type' },
  { value: 'labels', label: 'Labels' },
  { value: 'components', label: 'Components' },
  { value: 'project', label: 'Project' },
  { value: 'parent', label: 'Parent' },
  { value: 'customField', label: 'Custom field' },
  { value: 'summary', label: 'Summary' },
];

export function opsFor(field: ConditionField): { value: ConditionOp; label: string }[] {
  if (field === 'summary') {
    return [
      { value: 'keywords', label: 'has keywords' },
      { value: 'regex', label: 'matches regex' },
    ];
  }
  return [
    { value: 'equals', label: 'equals' },
    { value: 'contains', label: 'contains' },
    { value: 'is-set', label: 'is set' },
  ];
}

function conditionValue(condition: RuleCondition): string {
  return 'value' in condition ? condition.value : '';
}

/** A condition with another field, keeping what still makes sense (the value, the operator). */
export function withConditionField(condition: RuleCondition, field: ConditionField): RuleCondition {
  if (field === 'summary') {
    if (condition.field === 'summary') return condition;
    const value = conditionValue(condition).trim();
    return { op: 'keywords', field: 'summary', keywords: value ? [value] : [] };
  }
  const fieldId = field === 'customField' && 'fieldId' in condition ? condition.fieldId : undefined;
  const base = field === 'customField' ? { field, fieldId: fieldId ?? '' } : { field };
  if (condition.op === 'is-set') return { op: 'is-set', ...base };
  if (condition.op === 'equals' || condition.op === 'contains')
    return { op: condition.op, ...base, value: condition.value };
  const value = condition.op === 'keywords' ? (condition.keywords[0] ?? '') : '';
  return { op: 'equals', ...base, value };
}

/** A condition with another operator on the same field. */
export function withConditionOp(condition: RuleCondition, op: ConditionOp): RuleCondition {
  if (op === condition.op) return condition;
  if (op === 'keywords') {
    return {
      op,
      field: 'summary',
      keywords: condition.op === 'regex' && condition.pattern ? [condition.pattern] : [],
    };
  }
  if (op === 'regex') {
    return { op, field: 'summary', pattern: condition.op === 'keywords' ? condition.keywords.join('|') : '' };
  }
  const field = condition.field === 'summary' ? 'issueType' : condition.field;
  const fieldId = 'fieldId' in condition ? condition.fieldId : undefined;
  const base = fieldId !== undefined ? { field, fieldId } : { field };
  if (op === 'is-set') return { op, ...base };
  return { op, ...base, value: conditionValue(condition) };
}

export function newCondition(): RuleCondition {
  return { op: 'equals', field: 'issueType', value: '' };
}

/** A DoD item id from its label, unique in the template. */
export function itemIdFrom(label: string, taken: ReadonlySet<string>): string {
  let base = label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  if (!base) base = 'item';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

export function newDodItem(template: DodTemplate): DodItem {
  const taken = new Set(template.items.map((item) => item.id));
  return { id: itemIdFrom('item', taken), label: '', kind: 'manual' };
}

export function withDodKind(item: DodItem, kind: DodItem['kind']): DodItem {
  if (item.kind === kind) return item;
  if (kind === 'manual') return { id: item.id, label: item.label, kind };
  return { id: item.id, label: item.label, kind, field: '', rule: { op: 'not-empty' } };
}

export function withDodRuleOp(rule: DodRule, op: DodRule['op']): DodRule {
  if (rule.op === op) return rule;
  switch (op) {
    case 'gte':
    case 'lte':
      return { op, value: 'value' in rule ? rule.value : Number.NaN };
    case 'matches':
      return { op, pattern: '' };
    case 'not-empty':
      return { op };
  }
}

export function setDodTemplate(config: Config, lane: string, template: DodTemplate | null): Config {
  if (template === null) return { ...config, dod: withoutKey(config.dod, lane) };
  return { ...config, dod: { ...config.dod, [lane]: template } };
}

export interface CapacityValues {
  storyPoints: number | null;
  wipLimit: number | null;
}

/** Sets a lane's capacity; a lane with neither limit leaves the document. */
export function setCapacity(config: Config, lane: string, values: CapacityValues): Config {
  if (values.storyPoints === null && values.wipLimit === null) {
    return { ...config, capacity: withoutKey(config.capacity, lane) };
  }
  return { ...config, capacity: { ...config.capacity, [lane]: values } };
}
