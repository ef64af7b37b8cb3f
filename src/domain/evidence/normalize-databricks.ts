import { cleanText } from './evidence-values';
import { buildLink } from './evidence-links';
import { oneIssueKey } from './issue-key-source';
import {
  assemble,
  dateOf,
  ignore,
  isRecord,
  own,
  refuse,
  type Normalized,
  type NormalizeContext,
} from './normalize-common';

/*
 * Databricks Workspace Model Registry webhooks: `{event, webhook_id, event_timestamp (ms), model_name, version,
 * to_stage?, from_stage?, text?}`. No tags ride along, so the key is read from the model's name or the comment.
 */

export function normalizeDatabricks(body: unknown, context: NormalizeContext): Normalized {
  if (!isRecord(body)) return refuse('not a Databricks webhook payload');
  const event = own(body, 'event');
  const name = own(body, 'model_name');
  const version = own(body, 'version');
  if (typeof event !== 'string') return refuse('not a Databricks webhook payload');
  const kind = cleanText(event, 80) ?? 'unknown';
  if (typeof name !== 'string' || (typeof version !== 'string' && typeof version !== 'number')) {
    return ignore(`${kind} names no model version`);
  }
  const key =
    context.settings.keySource.place === 'comment'
      ? oneIssueKey(own(body, 'text'), 'the comment', false)
      : oneIssueKey(name, 'the model name', false);
  const modelVersion = cleanText(`${name} v${version}`, 255);
  const stage = own(body, 'to_stage');
  const named = new Map<string, unknown>([['model_version', modelVersion]]);
  if (typeof stage === 'string') named.set('stage', stage);
  return assemble(context, {
    tool: 'databricks',
    kind,
    key,
    named,
    eventTime: dateOf(own(body, 'event_timestamp')),
    link: buildLink('model version', context.settings.baseUrl, ['ml', 'models', name, 'versions', version]),
    subject: cleanText(typeof stage === 'string' ? `${modelVersion} → ${stage}` : modelVersion, 200),
  });
}
