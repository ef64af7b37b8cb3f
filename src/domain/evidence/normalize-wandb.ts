import { cleanText } from './evidence-values';
import { buildLink } from './evidence-links';
import { oneIssueKey } from './issue-key-source';
import {
  assemble,
  isRecord,
  metricsOf,
  own,
  refuse,
  type Normalized,
  type NormalizeContext,
} from './normalize-common';

/*
 * W&B Automations post a payload template the admin pastes from the Connections page (W&B_TEMPLATE below). W&B
 * substitutes `${…}` variables into it as text, so a metric arrives as "0.91": W&B alone may send numbers as
 * decimal text (checked strictly). W&B sends no event time: the receipt time stands in.
 */

/** The template the Connections page shows; `jira_key` is the key source's metadata name. */
export function wandbTemplate(metadataKey: string, metrics: readonly string[]): string {
  const metricFields = metrics.map((name) => `"${name}":"\${artifact_metadata.${name}}"`).join(',');
  return (
    `{"tool":"wandb","event":"\${event_type}","entity":"\${entity_name}","project":"\${project_name}",` +
    `"artifact":"\${artifact_version_string}","issue":"\${artifact_metadata.${metadataKey}}",` +
    `"metrics":{${metricFields}}}`
  );
}

export function normalizeWandb(body: unknown, context: NormalizeContext): Normalized {
  if (!isRecord(body) || own(body, 'tool') !== 'wandb')
    return refuse('not the ML Lanes W&B payload template');
  const kind = cleanText(own(body, 'event'), 80) ?? 'wandb.automation';
  const artifact = own(body, 'artifact');
  const named = new Map<string, unknown>();
  if (typeof artifact === 'string') named.set('artifact', artifact);
  metricsOf(own(body, 'metrics'), named);
  const entity = own(body, 'entity');
  const project = own(body, 'project');
  return assemble(context, {
    tool: 'wandb',
    kind,
    key: oneIssueKey(own(body, 'issue'), 'the template field "issue"', true),
    named,
    link:
      typeof entity === 'string' && typeof project === 'string'
        ? buildLink('W&B project', context.settings.baseUrl, [entity, project])
        : undefined,
    subject: typeof artifact === 'string' ? cleanText(`artifact ${artifact}`, 200) : undefined,
  });
}
