import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JiraClient } from '../../src/jira/client';
import { checkJqlQueries, JQL_QUERIES_PER_REQUEST } from '../../src/jira/jql-parse';
import type { JiraRequest } from '../../src/jira/seam';

/** Atlassian's own example of /jql/parse (request and answer), from the spec in test/fixtures/jira-openapi. */
const spec = JSON.parse(
  readFileSync(join(__dirname, '..', 'fixtures', 'jira-openapi', 'jira-platform-v3.openapi.json'), 'utf8'),
) as {
  paths: Record<
    string,
    {
      post: {
        requestBody: { content: { 'application/json': { example: { queries: string[] } } } };
        responses: { '200': { content: { 'application/json': { example: string } } } };
      };
    }
  >;
};
const operation = spec.paths['/rest/api/3/jql/parse']!.post;
const EXAMPLE_QUERIES = operation.requestBody.content['application/json'].example.queries;
const EXAMPLE_ANSWER = operation.responses['200'].content['application/json'].example;

function answering(text: string | ((body: { queries: string[] }) => string)) {
  const paths: string[] = [];
  const seam: JiraRequest = async (_method, path, body) => {
    paths.push(path);
    const answer = typeof text === 'string' ? text : text(body as { queries: string[] });
    return { status: 200, ok: true, headers: { get: () => null }, text: async () => answer };
  };
  return { seam, paths };
}

describe('checking JQL with /jql/parse', () => {
  it("reads Atlassian's example answer: errors make a query invalid, warnings do not", async () => {
    const { seam, paths } = answering(EXAMPLE_ANSWER);
    const checks = await checkJqlQueries(new JiraClient(seam), EXAMPLE_QUERIES);
    expect(paths).toEqual(['/rest/api/3/jql/parse?validation=strict']);
    expect(checks.map((c) => c.ok)).toEqual([true, true, false, false, false, true, false]);
    expect(checks[5]).toEqual({
      query: 'project = INVALID',
      ok: true,
      warnings: ["The value 'INVALID' does not exist for the field 'project'."],
    });
    expect(checks[6]).toEqual({
      query: 'universe = 42',
      ok: false,
      errors: ["Field 'universe' does not exist or you do not have permission to view it."],
      warnings: [],
    });
  });

  it('asks in batches and puts each verdict on its own query', async () => {
    const queries = Array.from({ length: 45 }, (_, n) => (n % 2 ? `bad ${n}` : `project = P${n}`));
    const { seam, paths } = answering((body) =>
      JSON.stringify({
        queries: body.queries.map((query) =>
          query.startsWith('bad') ? { query, errors: [`Error in ${query}`] } : { query },
        ),
      }),
    );
    const checks = await checkJqlQueries(new JiraClient(seam), queries);
    expect(paths).toHaveLength(Math.ceil(45 / JQL_QUERIES_PER_REQUEST));
    checks.forEach((check, n) => {
      expect(check.query).toBe(queries[n]);
      expect(check.ok).toBe(n % 2 === 0);
    });
    expect(checks[1]).toMatchObject({ ok: false, errors: ['Error in bad 1'] });
  });

  it('reports an empty query without asking Jira', async () => {
    const { seam, paths } = answering('{"queries":[]}');
    expect(await checkJqlQueries(new JiraClient(seam), ['  '])).toEqual([
      { query: '  ', ok: false, errors: ['The query is empty.'], warnings: [] },
    ]);
    expect(paths).toEqual([]);
  });

  it('refuses an answer whose queries cannot be matched to the ones asked', async () => {
    const { seam } = answering('{"queries":[{"query":"a = 1"}]}');
    await expect(checkJqlQueries(new JiraClient(seam), ['a = 1', 'b = 2'])).rejects.toMatchObject({
      code: 'bad-response',
    });
  });
});
