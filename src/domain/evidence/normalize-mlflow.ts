import { cleanText } from './evidence-values';
import { buildLink } from './evidence-links';
import { oneIssueKey, type KeyLookup } from './issue-key-source';
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
 * MLflow 3.3+ webhooks (mlflow/webhooks/delivery.py): `{entity, action, timestamp, data}`. Model-version events
 * carry `data.name` and `data.version`; `model_version.created` carries the version's `tags`, and
 * `model_version_tag.set` the one tag set (`key`, `value`). No metrics ride along: MLflow gives the model version.
 */

export function normalizeMlflow(body: unknown, context: NormalizeContext): Normalized {
  if (!isRecord(body) || !isRecord(body['data'])) return refuse('not an MLflow webhook payload');
  const entity = own(body, 'entity');
  const action = own(body, 'action');
  if (typeof entity !== 'string' || typeof action !== 'string')
    return refuse('not an MLflow webhook payload');
  const kind = `${entity}.${action}`;
  const data = body['data'];
  const name = own(data, 'name');
  const version = own(data, 'version');
  if (!kind.startsWith('model_version') || typeof name !== 'string' || typeof version !== 'string') {
    return ignore(`${kind.slice(0, 60)} names no model version`);
  }
  const source = context.settings.keySource;
  let key: KeyLookup;
  if (source.place === 'model-name') {
    key = oneIssueKey(name, 'the model name', false);
  } else {
    const tag = source.name ?? 'jira';
    if (kind === 'model_version.created') {
      const tags = own(data, 'tags');
      key = oneIssueKey(isRecord(tags) ? own(tags, tag) : undefined, `the model version tag "${tag}"`, true);
    } else if (kind === 'model_version_tag.set') {
      if (own(data, 'key') !== tag) return ignore(`a tag other than "${tag}" was set`);
      key = oneIssueKey(own(data, 'value'), `the model version tag "${tag}"`, true);
    } else {
      return ignore(`${kind} carries no tags`);
    }
  }
  const modelVersion = cleanText(`${name} v${version}`, 255);
  return assemble(context, {
    tool: 'mlflow',
    kind,
    key,
    named: new Map([['model_version', modelVersion]]),
    eventTime: dateOf(own(body, 'timestamp')) ?? context.signedAt,
    link: buildLink('model version', context.settings.baseUrl, ['models', name, 'versions', version], {
      hashRoute: true,
    }),
    subject: modelVersion,
  });
}
