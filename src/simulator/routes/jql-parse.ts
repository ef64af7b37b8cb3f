import { z } from 'zod';
import { validateJql } from '../jql';
import { jiraError, ok, type Reply } from '../http/reply';
import type { RequestContext } from '../http/router';

/**
 * POST /rest/api/3/jql/parse (SPEC `parseJqlQueries`): each query's errors and warnings in Jira's shape. A query
 * the simulator's JQL subset answers is valid; anything else gets the same words `/search/jql` would answer. The
 * parse tree (`structure`) is left out: it is optional in the spec and ML Lanes reads only the verdict.
 */

const body = z.strictObject({ queries: z.array(z.string().min(1)).min(1) });
const VALIDATIONS = ['strict', 'warn', 'none'];

export function postJqlParse(ctx: RequestContext): Reply {
  const validation = ctx.query.get('validation') ?? 'strict';
  if (!VALIDATIONS.includes(validation)) {
    return jiraError(400, [`The value '${validation}' of the validation parameter is not valid.`]);
  }
  const parsed = body.safeParse(ctx.body);
  if (!parsed.success) return jiraError(400, [`Invalid request payload: ${z.prettifyError(parsed.error)}`]);
  return ok({
    queries: parsed.data.queries.map((query) => {
      if (validation === 'none') return { query };
      const { errors, warnings } = validateJql(ctx.site, query);
      return {
        query,
        ...(errors.length > 0 ? { errors } : {}),
        ...(warnings.length > 0 ? { warnings } : {}),
      };
    }),
  });
}
