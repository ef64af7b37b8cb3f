/**
 * The floor for the CLI's own overhead: a minimal client that asks the simulator, one request after another, for
 * what a plan needs (board, configuration, fields, sprints, the sprint's ids, its issues and their linked issues
 * in batches of 100) and only parses the JSON: no checks, no retries, no engine, no output. The bench times its
 * whole process, as it times the CLI's.
 */
import { createNodeHttpSeam } from '../src/cli/http-seam';

type Json = Record<string, unknown>;

async function main(): Promise<void> {
  const [site, board, email, apiToken] = process.argv.slice(2);
  if (!site || !board || !email || !apiToken) throw new Error('usage: floor-client SITE BOARD EMAIL TOKEN');
  const seam = createNodeHttpSeam({ site, email, apiToken });
  const ask = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<Json> =>
    JSON.parse(await (await seam(method, path, body)).text()) as Json;

  await ask('GET', `/rest/agile/1.0/board/${board}`);
  await ask('GET', `/rest/agile/1.0/board/${board}/configuration`);
  await ask('GET', '/rest/api/3/field');
  const sprints = (await ask('GET', `/rest/agile/1.0/board/${board}/sprint?state=active,future`))
    .values as Json[];
  const sprint = sprints.find((each) => each.state === 'active') ?? sprints[0];
  const ids: string[] = [];
  let token: unknown;
  do {
    const page = await ask('POST', '/rest/api/3/search/jql', {
      jql: `sprint = ${String(sprint?.id)}`,
      maxResults: 5000,
      ...(token ? { nextPageToken: token } : {}),
    });
    ids.push(...(page.issues as Json[]).map((issue) => String(issue.id)));
    token = page.nextPageToken;
  } while (token);

  const inSprint = new Set(ids);
  const linked = new Set<string>();
  const fetchAll = async (all: string[], onIssue: (issue: Json) => void) => {
    for (let start = 0; start < all.length; start += 100) {
      const page = await ask('POST', '/rest/api/3/issue/bulkfetch', {
        issueIdsOrKeys: all.slice(start, start + 100),
        fields: ['summary', 'status', 'issuetype', 'labels', 'components', 'parent', 'issuelinks'],
      });
      (page.issues as Json[]).forEach(onIssue);
    }
  };
  await fetchAll(ids, (issue) => {
    for (const link of ((issue.fields as Json).issuelinks ?? []) as Json[]) {
      const other = (link.inwardIssue ?? link.outwardIssue) as Json | undefined;
      if (other && !inSprint.has(String(other.id))) linked.add(String(other.id));
    }
  });
  await fetchAll([...linked], () => undefined);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
