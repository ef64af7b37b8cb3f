import type { z } from 'zod';

/** "GET /rest/agile/1.0/board/{boardId}: field `location.projectKey` is missing" — names endpoint and field. */
export function describeSchemaError(endpoint: string, error: z.ZodError): string {
  const problems = error.issues.slice(0, 3).map((issue) => {
    const field = issue.path.length === 0 ? '(body)' : issue.path.map(String).join('.');
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    return missing ? `field \`${field}\` is missing` : `field \`${field}\`: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return `${endpoint} answered in an unexpected shape: ${problems.join('; ')}${more}`;
}
