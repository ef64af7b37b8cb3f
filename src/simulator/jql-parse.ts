/**
 * Parses the JQL subset the simulator answers: clauses `field op value` joined by AND and OR (AND binds tighter,
 * as in Jira; no parentheses), optional ORDER BY. Operators: `=`, `!=`, `in (...)`, `not in (...)`, `<`, `<=`,
 * `>`, `>=`, `is [not] EMPTY`. A field may be `issue.property[key].path` (unquoted key). Which field takes which
 * operator is checked by the evaluator. Anything else is a JqlSyntaxError naming what is wrong.
 */

export type Operator = '=' | '!=' | 'in' | 'not in' | '<' | '<=' | '>' | '>=' | 'is' | 'is not';

export interface Clause {
  /** As written (the evaluator lower-cases it). */
  field: string;
  op: Operator;
  /** One value, a list for `in`, or ['EMPTY'] for `is`. */
  values: string[];
}

interface Token {
  kind: 'word' | 'string' | 'punct' | 'eof';
  text: string;
}

export class JqlSyntaxError extends Error {}

export const UNSUPPORTED = 'is not supported by the ML Lanes Jira simulator';

/** The query's clauses as alternatives (joined by OR), each a list of clauses that must all hold (AND). */
export function parseJql(jql: string): Clause[][] {
  return parse(tokenize(jql));
}

function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < jql.length) {
    const ch = jql.charAt(i);
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"' || ch === "'") {
      let text = '';
      i++;
      while (i < jql.length && jql.charAt(i) !== ch) {
        if (jql.charAt(i) === '\\') i++;
        text += jql.charAt(i++);
      }
      if (i >= jql.length)
        throw new JqlSyntaxError(
          `Error in the JQL Query: The quoted string '${text}' has not been completed.`,
        );
      i++;
      tokens.push({ kind: 'string', text });
    } else if ('(),'.includes(ch)) {
      tokens.push({ kind: 'punct', text: ch });
      i++;
    } else if ('=!<>~'.includes(ch)) {
      const op = /^(!=|!~|<=|>=|=|<|>|~)/.exec(jql.slice(i))?.[0] ?? ch;
      tokens.push({ kind: 'punct', text: op });
      i += op.length;
    } else {
      const word = /^[^\s(),=!<>~"']+/.exec(jql.slice(i))?.[0] ?? ch;
      tokens.push({ kind: 'word', text: word });
      i += word.length;
    }
  }
  tokens.push({ kind: 'eof', text: '' });
  return tokens;
}

/** Stands for `openSprints()` in a clause's values (no sprint name can hold a NUL). */
export const OPEN_SPRINTS = '\u0000openSprints()';

function parse(tokens: Token[]): Clause[][] {
  let pos = 0;
  const peek = (): Token => tokens[pos] ?? { kind: 'eof', text: '' };
  const next = (): Token => tokens[pos++] ?? { kind: 'eof', text: '' };
  const isWord = (t: Token, word: string) => t.kind === 'word' && t.text.toLowerCase() === word;
  const alternatives: Clause[][] = [];
  let clauses: Clause[] = [];

  const readValue = (): string => {
    const t = next();
    if (t.kind === 'word' || t.kind === 'string') {
      if (t.kind === 'word' && peek().text === '(')
        throw new JqlSyntaxError(`JQL functions (${t.text}()) ${UNSUPPORTED}.`);
      return t.text;
    }
    throw new JqlSyntaxError(`Error in the JQL Query: Expecting a value but got '${t.text || '<end>'}'.`);
  };

  const readList = (): string[] => {
    // `sprint in openSprints()`: the one list function the app asks for (the board index's daily reconcile).
    if (isWord(peek(), 'opensprints') && tokens[pos + 1]?.text === '(' && tokens[pos + 2]?.text === ')') {
      pos += 3;
      return [OPEN_SPRINTS];
    }
    if (peek().kind === 'word') throw new JqlSyntaxError(`JQL functions (${peek().text}) ${UNSUPPORTED}.`);
    if (next().text !== '(') throw new JqlSyntaxError("Error in the JQL Query: Expecting '(' after 'in'.");
    const values = [readValue()];
    while (peek().text === ',') {
      next();
      values.push(readValue());
    }
    if (next().text !== ')')
      throw new JqlSyntaxError("Error in the JQL Query: Expecting ')' to close the list.");
    return values;
  };

  const readOperator = (field: string): { op: Operator; values: string[] } => {
    const op = next();
    if (op.kind === 'punct' && ['=', '!=', '<', '<=', '>', '>='].includes(op.text))
      return { op: op.text as Operator, values: [readValue()] };
    if (isWord(op, 'in')) return { op: 'in', values: readList() };
    if (isWord(op, 'not')) {
      if (!isWord(next(), 'in'))
        throw new JqlSyntaxError("Error in the JQL Query: Expecting 'in' after 'not'.");
      return { op: 'not in', values: readList() };
    }
    if (isWord(op, 'is')) {
      const negated = isWord(peek(), 'not');
      if (negated) next();
      const value = next();
      if (!isWord(value, 'empty') && !isWord(value, 'null'))
        throw new JqlSyntaxError(
          `Error in the JQL Query: Expecting 'EMPTY' after 'is${negated ? ' not' : ''}'.`,
        );
      return { op: negated ? 'is not' : 'is', values: ['EMPTY'] };
    }
    throw new JqlSyntaxError(`Operator '${op.text || '<end>'}' ${UNSUPPORTED} for field '${field}'.`);
  };

  while (peek().kind !== 'eof' && !isWord(peek(), 'order')) {
    if (clauses.length > 0) {
      const joiner = next();
      if (isWord(joiner, 'or')) {
        alternatives.push(clauses);
        clauses = [];
      } else if (!isWord(joiner, 'and')) {
        throw new JqlSyntaxError(
          `Error in the JQL Query: Expecting either 'OR' or 'AND' but got '${joiner.text}'.`,
        );
      }
    }
    const fieldToken = next();
    if (fieldToken.kind === 'punct' && fieldToken.text === '(')
      throw new JqlSyntaxError(`Parenthesised clauses ${UNSUPPORTED}.`);
    if (fieldToken.kind === 'eof')
      throw new JqlSyntaxError('Error in the JQL Query: Expecting a field name at the end of the query.');
    if (isWord(fieldToken, 'not')) throw new JqlSyntaxError(`'NOT' before a clause ${UNSUPPORTED}.`);
    clauses.push({ field: fieldToken.text, ...readOperator(fieldToken.text) });
  }
  if (clauses.length > 0) alternatives.push(clauses);

  if (isWord(peek(), 'order')) {
    next();
    if (!isWord(next(), 'by'))
      throw new JqlSyntaxError("Error in the JQL Query: Expecting 'by' after 'order'.");
    // Accepted and ignored: results always come in rank (workspace) order.
    do {
      if (peek().text === ',') next();
      const t = next();
      if (t.kind !== 'word' && t.kind !== 'string')
        throw new JqlSyntaxError('Error in the JQL Query: Expecting a field name after ORDER BY.');
      if (isWord(peek(), 'asc') || isWord(peek(), 'desc')) next();
    } while (peek().text === ',');
  }
  if (peek().kind !== 'eof')
    throw new JqlSyntaxError(`Error in the JQL Query: Unexpected '${peek().text}' at the end of the query.`);
  return alternatives;
}
