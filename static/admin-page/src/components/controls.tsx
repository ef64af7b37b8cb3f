/**
 * Form controls of the admin page: native inputs and selects (keyboard- and screen-reader-friendly, light),
 * each labelled, each showing the problems found at its place in the document right below it.
 */
import { createContext, useContext, useId, useState, type ReactNode } from 'react';
import ErrorIcon from '@atlaskit/icon/core/status-error';
import type { ConfigProblemView } from '../../../../src/contract/admin-api';
import { controlId, friendlyMessage, problemListId } from '../model/problems';

/** Whether the page may be edited (a Jira admin, on a scope they can change). */
export const EditableContext = createContext(true);

/** The document's problems, by anchor (see model/problems.ts). */
export const ProblemsContext = createContext<Map<string, ConfigProblemView[]>>(new Map());

export function useEditable(): boolean {
  return useContext(EditableContext);
}

export function useProblems(anchor: string | undefined): ConfigProblemView[] {
  const problems = useContext(ProblemsContext);
  return anchor ? (problems.get(anchor) ?? []) : [];
}

/** The attributes that tie a control to its problems. */
export function problemProps(anchor: string | undefined, problems: ConfigProblemView[]) {
  return {
    id: anchor ? controlId(anchor) : undefined,
    'aria-invalid': problems.length > 0 ? true : undefined,
    'aria-describedby': anchor && problems.length > 0 ? problemListId(anchor) : undefined,
  };
}

/** Every problem at one place, in words, with an icon (never colour alone). */
export function InlineProblems({ anchor, problems }: { anchor: string; problems: ConfigProblemView[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="mla-problems" id={problemListId(anchor)} tabIndex={-1}>
      {problems.map((problem, index) => (
        <li
          key={`${problem.path}:${index}`}
          className="mla-problem"
          data-testid="problem"
          data-path={problem.path}
        >
          <ErrorIcon label="Problem:" size="small" color="currentColor" />
          <span>{friendlyMessage(problem.message)}</span>
        </li>
      ))}
    </ul>
  );
}

/** Problems attached to a row or a section rather than to one control. */
export function AnchorProblems({ anchor }: { anchor: string }) {
  const problems = useProblems(anchor);
  return <InlineProblems anchor={anchor} problems={problems} />;
}

interface FieldShellProps {
  label: ReactNode;
  /** Keep the label for screen readers only (compact rows that have a visible heading). */
  hideLabel?: boolean | undefined;
  anchor?: string | undefined;
  problems: ConfigProblemView[];
  hint?: ReactNode;
  className?: string | undefined;
  htmlFor: string;
  children: ReactNode;
}

function FieldShell({
  label,
  hideLabel,
  anchor,
  problems,
  hint,
  className,
  htmlFor,
  children,
}: FieldShellProps) {
  return (
    <div className={className ? `mla-field ${className}` : 'mla-field'}>
      <label className={hideLabel ? 'mll-sr-only' : 'mla-label'} htmlFor={htmlFor}>
        {label}
      </label>
      {children}
      {hint && <span className="mla-hint">{hint}</span>}
      {anchor && <InlineProblems anchor={anchor} problems={problems} />}
    </div>
  );
}

export interface TextFieldProps {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  anchor?: string;
  hideLabel?: boolean;
  placeholder?: string;
  hint?: ReactNode;
  mono?: boolean;
  /** Suggestions (a native datalist). */
  suggestions?: readonly string[];
  className?: string;
  testId?: string;
  onBlur?: () => void;
  onKeyDown?: (event: React.KeyboardEvent<HTMLInputElement>) => void;
  maxLength?: number;
  disabled?: boolean;
}

export function TextField(props: TextFieldProps) {
  const editable = useEditable();
  const problems = useProblems(props.anchor);
  const generated = useId();
  const linked = problemProps(props.anchor, problems);
  const id = linked.id ?? generated;
  const listId = `${generated}-list`;
  return (
    <FieldShell
      label={props.label}
      hideLabel={props.hideLabel}
      anchor={props.anchor}
      problems={problems}
      hint={props.hint}
      className={props.className}
      htmlFor={id}
    >
      <input
        {...linked}
        id={id}
        type="text"
        className={props.mono ? 'mla-input mla-input--mono' : 'mla-input'}
        value={props.value}
        placeholder={props.placeholder}
        disabled={!editable || props.disabled}
        maxLength={props.maxLength}
        list={props.suggestions && props.suggestions.length > 0 ? listId : undefined}
        data-testid={props.testId}
        spellCheck={props.mono ? false : undefined}
        autoComplete="off"
        onChange={(event) => props.onChange(event.target.value)}
        onBlur={props.onBlur}
        onKeyDown={props.onKeyDown}
      />
      {props.suggestions && props.suggestions.length > 0 && (
        <datalist id={listId}>
          {props.suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      )}
    </FieldShell>
  );
}

/** Text the admin types (local, so half-typed input survives) that becomes a value on every change. */
function useDraftText<T>(
  value: T,
  format: (value: T) => string,
  parse: (text: string) => T,
  same: (a: T, b: T) => boolean,
) {
  const [text, setText] = useState(() => format(value));
  const [shown, setShown] = useState(value);
  // Follow changes made elsewhere (undo, reload, import) but never rewrite what the admin is typing. Adjusted
  // while rendering, as React advises for state derived from a prop, so no frame shows the old text.
  if (!Object.is(shown, value)) {
    setShown(value);
    if (!same(parse(text), value)) setText(format(value));
  }
  return [text, setText] as const;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((each, index) => each === b[index]);

/** Splits "a, b ,c" into ["a", "b", "c"]; a trailing comma while typing is not an empty keyword. */
export function splitList(text: string): string[] {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts.length === 1 && parts[0] === '' ? [] : parts;
}

export interface ListFieldProps extends Omit<TextFieldProps, 'value' | 'onChange'> {
  value: readonly string[];
  onChange: (value: string[]) => void;
}

/** A comma-separated list of words. */
export function ListField({ value, onChange, ...rest }: ListFieldProps) {
  const [text, setText] = useDraftText<readonly string[]>(
    value,
    (list) => list.join(', '),
    splitList,
    sameList,
  );
  return (
    <TextField
      {...rest}
      value={text}
      onChange={(next) => {
        setText(next);
        onChange(splitList(next));
      }}
    />
  );
}

/** Empty is `null`; anything that is not a number becomes NaN, which the validator names. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^-?(\d+\.?\d*|\.\d+)$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

const sameNumber = (a: number | null, b: number | null) => a === b || (Number.isNaN(a) && Number.isNaN(b));

function formatNumber(value: number | null): string {
  return value === null || Number.isNaN(value) ? '' : String(value);
}

export interface NumberFieldProps extends Omit<
  TextFieldProps,
  'value' | 'onChange' | 'mono' | 'suggestions'
> {
  value: number | null;
  onChange: (value: number | null) => void;
}

export function NumberField({ value, onChange, ...rest }: NumberFieldProps) {
  const [text, setText] = useDraftText<number | null>(value, formatNumber, parseNumber, sameNumber);
  return (
    <TextField
      {...rest}
      className={rest.className ? `${rest.className} mla-field--number` : 'mla-field--number'}
      value={text}
      onChange={(next) => {
        setText(next);
        onChange(parseNumber(next));
      }}
    />
  );
}

export interface SelectFieldProps {
  label: ReactNode;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  anchor?: string;
  hideLabel?: boolean;
  hint?: ReactNode;
  className?: string;
  testId?: string;
  disabled?: boolean;
}

export function SelectField(props: SelectFieldProps) {
  const editable = useEditable();
  const problems = useProblems(props.anchor);
  const generated = useId();
  const linked = problemProps(props.anchor, problems);
  const id = linked.id ?? generated;
  const known = props.options.some((option) => option.value === props.value);
  return (
    <FieldShell
      label={props.label}
      hideLabel={props.hideLabel}
      anchor={props.anchor}
      problems={problems}
      hint={props.hint}
      className={props.className}
      htmlFor={id}
    >
      <select
        {...linked}
        id={id}
        className="mla-input mla-select"
        value={props.value}
        disabled={!editable || props.disabled}
        data-testid={props.testId}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {!known && (
          <option value={props.value}>{props.value ? `${props.value} (missing)` : 'Choose…'}</option>
        )}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A small row of radio buttons that looks like the planning panel's segmented filter. */
export function Segmented<T extends string>({
  label,
  value,
  options,
  onChange,
  name,
  testId,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  name: string;
  testId?: string;
}) {
  const editable = useEditable();
  return (
    <fieldset className="mla-radios" data-testid={testId}>
      <legend className="mll-sr-only">{label}</legend>
      {options.map((option) => (
        <label
          key={option.value}
          className={option.value === value ? 'mla-radio mla-radio--on' : 'mla-radio'}
        >
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={option.value === value}
            disabled={!editable}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
