import { effectiveSprintIds, findIssue, isReadable, type Site } from './site';
import type { WorkspaceIssue } from './workspace';

/**
 * The small JQL subset the app needs: `sprint`, `project`, `key`/`issuekey`/`id` with `=` or `in (...)`,
 * joined by AND, optional ORDER BY (results always come in rank order). Anything else is a 400 that
 * names what is unsupported, in Jira's error shape.
 */

export type JqlResult = { issues: WorkspaceIssue[] } | { errors: string[] };
export type JqlCache = Map<string, JqlResult>;

const FIELDS = ['sprint', 'project', 'key', 'issuekey', 'id'] as const;
type JqlField = (typeof FIELDS)[number];

interface Clause {
  field: JqlField;
  values: string[];
}

interface Token {
  kind: 'word' | 'string' | 'punct' | 'eof';
  text: string;
}

class JqlSyntaxError extends Error {}

const UNSUPPORTED = 'is not supported by the ML Lanes Jira simulator';

export function runJql(site: Site, jql: string, cache?: JqlCache): JqlResult {
  const cached = cache?.get(jql);
  if (cached) return cached;
  const result = evaluate(site, jql);
  if (cache) {
    if (cache.size >= 50) cache.delete(cache.keys().next().value as string);
    cache.set(jql, result);
  }
  return result;
}

function evaluate(site: Site, jql: string): JqlResult {
  let clauses: Clause[];
  try {
    clauses = parse(tokenize(jql));
  } catch (error) {
    if (error instanceof JqlSyntaxError) return { errors: [error.message] };
    throw error;
  }
  if (clauses.length === 0) {
    return {
      errors: ['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'],
    };
  }
  const errors: string[] = [];
  const predicates = clauses.map((clause) => predicateFor(site, clause, errors));
  if (errors.length > 0) return { errors };
  const issues = site.ws.issues.filter((issue) => isReadable(issue) && predicates.every((p) => p(issue)));
  return { issues };
}

function predicateFor(site: Site, clause: Clause, errors: string[]): (issue: WorkspaceIssue) => boolean {
  switch (clause.field) {
    case 'sprint': {
      const ids = new Set<number>();
      for (const value of clause.values) {
        const matches = /^\d+$/.test(value)
          ? [site.sprints.get(Number(value))].filter((s) => s !== undefined)
          : site.ws.sprints.filter((s) => s.name.toLowerCase() === value.toLowerCase());
        if (matches.length === 0) errors.push(`The value '${value}' does not exist for the field 'sprint'.`);
        matches.forEach((s) => ids.add(s.id));
      }
      return (issue) => effectiveSprintIds(site.issuesByKey, issue).some((id) => ids.has(id));
    }
    case 'project': {
      const keys = new Set<string>();
      for (const value of clause.values) {
        const v = value.toLowerCase();
        const project = site.ws.projects.find(
          (p) => p.key.toLowerCase() === v || p.id === v || p.name.toLowerCase() === v,
        );
        if (project) keys.add(project.key);
        else errors.push(`The value '${value}' does not exist for the field 'project'.`);
      }
      return (issue) => keys.has(issue.projectKey);
    }
    case 'key':
    case 'issuekey':
    case 'id': {
      // Jira refuses the whole query when one listed issue cannot be seen.
      const keys = new Set<string>();
      for (const value of clause.values) {
        const issue = findIssue(site, value);
        if (issue && isReadable(issue)) keys.add(issue.key);
        else errors.push(`An issue with key '${value}' does not exist for field '${clause.field}'.`);
      }
      return (issue) => keys.has(issue.key);
    }
  }
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

function parse(tokens: Token[]): Clause[] {
  let pos = 0;
  const peek = (): Token => tokens[pos] ?? { kind: 'eof', text: '' };
  const next = (): Token => tokens[pos++] ?? { kind: 'eof', text: '' };
  const isWord = (t: Token, word: string) => t.kind === 'word' && t.text.toLowerCase() === word;
  const clauses: Clause[] = [];

  const readValue = (): string => {
    const t = next();
    if (t.kind === 'word' || t.kind === 'string') {
      if (t.kind === 'word' && peek().text === '(')
        throw new JqlSyntaxError(`JQL functions (${t.text}()) ${UNSUPPORTED}.`);
      return t.text;
    }
    throw new JqlSyntaxError(`Error in the JQL Query: Expecting a value but got '${t.text || '<end>'}'.`);
  };

  while (peek().kind !== 'eof' && !isWord(peek(), 'order')) {
    if (clauses.length > 0) {
      const joiner = next();
      if (isWord(joiner, 'or')) throw new JqlSyntaxError(`'OR' ${UNSUPPORTED}; join clauses with AND.`);
      if (!isWord(joiner, 'and')) {
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
    const field = fieldToken.text.toLowerCase();
    if (!(FIELDS as readonly string[]).includes(field)) {
      throw new JqlSyntaxError(
        `Field '${fieldToken.text}' ${UNSUPPORTED} (supported: ${FIELDS.join(', ')}).`,
      );
    }
    const op = next();
    let values: string[];
    if (op.kind === 'punct' && op.text === '=') {
      values = [readValue()];
    } else if (isWord(op, 'in')) {
      if (peek().kind === 'word') throw new JqlSyntaxError(`JQL functions (${peek().text}) ${UNSUPPORTED}.`);
      if (next().text !== '(') throw new JqlSyntaxError("Error in the JQL Query: Expecting '(' after 'in'.");
      values = [readValue()];
      while (peek().text === ',') {
        next();
        values.push(readValue());
      }
      if (next().text !== ')')
        throw new JqlSyntaxError("Error in the JQL Query: Expecting ')' to close the list.");
    } else {
      throw new JqlSyntaxError(
        `Operator '${op.text || '<end>'}' ${UNSUPPORTED} for field '${fieldToken.text}' (use = or in).`,
      );
    }
    clauses.push({ field: field as JqlField, values });
  }

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
  return clauses;
}
