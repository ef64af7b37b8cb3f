import { MAX_COUNT, type LabelingCounters } from './evidence-event';
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
 * Label Studio webhooks: `{action, annotation | tasks, project: {…}}`. The project's counters (task_number,
 * finished_task_number, total_annotations_number, useful_annotation_number) give the data lane's progress in
 * items. The project also carries `token` and `task_data_password`: only the fields below are ever read.
 */

const count = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_COUNT
    ? value
    : undefined;

export function normalizeLabelStudio(body: unknown, context: NormalizeContext): Normalized {
  if (!isRecord(body) || typeof own(body, 'action') !== 'string')
    return refuse('not a Label Studio webhook payload');
  const kind = cleanText(own(body, 'action'), 80) ?? 'unknown';
  const project = own(body, 'project');
  if (!isRecord(project)) return ignore(`${kind} names no project`);
  const title = own(project, 'title');
  const key =
    context.settings.keySource.place === 'project-description'
      ? oneIssueKey(own(project, 'description'), 'the project description', false)
      : oneIssueKey(title, 'the project title', false);
  const finishedTasks = count(own(project, 'finished_task_number'));
  const totalTasks = count(own(project, 'task_number'));
  const annotations = count(
    own(project, 'useful_annotation_number') ?? own(project, 'total_annotations_number'),
  );
  const counters: LabelingCounters | undefined =
    finishedTasks !== undefined && totalTasks !== undefined
      ? { finishedTasks, totalTasks, annotations: annotations ?? 0 }
      : undefined;
  const named = new Map<string, unknown>();
  if (own(project, 'finished_task_number') !== undefined)
    named.set('finished_tasks', own(project, 'finished_task_number'));
  if (own(project, 'task_number') !== undefined) named.set('total_tasks', own(project, 'task_number'));
  if (annotations !== undefined) named.set('annotations', annotations);
  const annotation = own(body, 'annotation');
  const id = own(project, 'id');
  const name = cleanText(title, 120) ?? 'project';
  return assemble(context, {
    tool: 'labelstudio',
    kind,
    key,
    named,
    eventTime: isRecord(annotation)
      ? (dateOf(own(annotation, 'updated_at')) ?? dateOf(own(annotation, 'created_at')))
      : undefined,
    link:
      typeof id === 'number'
        ? buildLink('Label Studio project', context.settings.baseUrl, ['projects', id])
        : undefined,
    subject: counters
      ? `project ${name} (${counters.finishedTasks}/${counters.totalTasks})`
      : `project ${name}`,
    counters,
  });
}
