import { z } from 'zod';
import type { JiraClient } from './client';
import { JiraError } from '../errors';

/**
 * Queries per `POST /rest/api/3/jql/parse`: Jira states no cap; a board's setup has about a dozen queries, and a
 * modest batch keeps one refused request from hiding the verdict on many others.
 */
export const JQL_QUERIES_PER_REQUEST = 20;

const ENDPOINT = 'POST /rest/api/3/jql/parse';

/** Jira's verdict on one query, in its own words. */
export type JqlCheck =
  | { query: string; ok: true; warnings: string[] }
  | { query: string; ok: false; errors: string[]; warnings: string[] };

// SPEC `ParsedJqlQueries`; the structure is not read, only whether Jira found errors.
const parsedSchema = z.object({
  queries: z.array(
    z.object({
      query: z.string(),
      errors: z.array(z.string()).optional(),
      warnings: z.array(z.string()).optional(),
    }),
  ),
});

/**
 * Checks JQL the way Jira will run it (`validation=strict`), as whoever the client asks as: call it as the admin
 * so that "field does not exist or you do not have permission" reflects what they can see. A warning (a value
 * that does not exist, such as an unknown project) leaves the query valid, as in Jira. An empty query is reported
 * without asking Jira (it refuses empty strings).
 */
export async function checkJqlQueries(client: JiraClient, queries: readonly string[]): Promise<JqlCheck[]> {
  const checks: (JqlCheck | undefined)[] = queries.map((query) =>
    query.trim().length === 0
      ? { query, ok: false, errors: ['The query is empty.'], warnings: [] }
      : undefined,
  );
  const toAsk = queries.flatMap((query, index) => (checks[index] === undefined ? [{ query, index }] : []));
  const batches: { query: string; index: number }[][] = [];
  for (let start = 0; start < toAsk.length; start += JQL_QUERIES_PER_REQUEST) {
    batches.push(toAsk.slice(start, start + JQL_QUERIES_PER_REQUEST));
  }
  await Promise.all(
    batches.map(async (batch) => {
      const answer = await client.call(
        ENDPOINT,
        'POST',
        '/rest/api/3/jql/parse?validation=strict',
        parsedSchema,
        {
          queries: batch.map((item) => item.query),
        },
      );
      // Jira answers the queries in the order asked; a count that differs cannot be matched up safely.
      if (answer.queries.length !== batch.length) {
        throw new JiraError(
          'bad-response',
          `${ENDPOINT} answered ${answer.queries.length} queries for the ${batch.length} asked`,
          200,
          ENDPOINT,
        );
      }
      batch.forEach((item, position) => {
        const parsed = answer.queries[position];
        const errors = parsed?.errors ?? [];
        const warnings = parsed?.warnings ?? [];
        checks[item.index] =
          errors.length === 0
            ? { query: item.query, ok: true, warnings }
            : { query: item.query, ok: false, errors, warnings };
      });
    }),
  );
  return checks.map((check, index) => {
    if (check === undefined) throw new Error(`no verdict for query ${index}`);
    return check;
  });
}
