import { cleanText } from './evidence-values';
import { keepLink } from './evidence-links';
import { oneIssueKey } from './issue-key-source';
import {
  assemble,
  dateOf,
  isRecord,
  metricsOf,
  own,
  refuse,
  type Normalized,
  type NormalizeContext,
} from './normalize-common';

/*
 * The generic CI payload (GitHub Actions, GitLab CI, DVC/CML steps), our own format:
 *   {"issue":"ML-123","event":"ci.metrics","run":"…","metrics":{"accuracy":0.91},
 *    "dataset":{"path":"data/prepared","md5":"…"},"qa_suite":"passed","url":"https://…","time":"…"}
 * Metrics must be JSON numbers. `url` is kept only on the configured base URL's origin.
 */

export function normalizeCi(body: unknown, context: NormalizeContext): Normalized {
  if (!isRecord(body)) return refuse('not a JSON object');
  const field = context.settings.keySource.name ?? 'issue';
  const named = new Map<string, unknown>();
  metricsOf(own(body, 'metrics'), named);
  const dataset = own(body, 'dataset');
  if (isRecord(dataset)) {
    const path = own(dataset, 'path');
    const md5 = own(dataset, 'md5');
    if (typeof path === 'string' || typeof md5 === 'string') {
      named.set('dataset', [path, md5].filter((part) => typeof part === 'string').join('@'));
    }
  } else if (dataset !== undefined) {
    named.set('dataset', dataset);
  }
  if (own(body, 'qa_suite') !== undefined) named.set('qa_suite', own(body, 'qa_suite'));
  const run = cleanText(own(body, 'run'), 120);
  return assemble(context, {
    tool: 'ci',
    kind: cleanText(own(body, 'event'), 80) ?? 'ci.metrics',
    key: oneIssueKey(own(body, field), `the payload field "${field}"`, true),
    named,
    eventTime: dateOf(own(body, 'time')) ?? context.signedAt,
    link: keepLink('CI run', own(body, 'url'), context.settings.baseUrl),
    subject: run ? `CI run ${run}` : undefined,
  });
}
