import { toIndexEvent } from '../../src/app/index-events';
import {
  demoSite,
  parseWorkspace,
  startSimulator,
  type RunningSimulator,
  type SimEvent,
} from '../../src/simulator';
import { arr, call, obj, searchJql } from './http';
import { createValidators, expectValid, type SpecValidators } from './openapi';

/**
 * The simulator's writes and the events they send, as Jira sends a Forge app's triggers: a transition, an edit, a
 * link created and a link deleted each change what Jira answers afterwards and emit the event the board index's
 * trigger reads (checked through the app's own `toIndexEvent`).
 */

let spec: SpecValidators;
beforeAll(() => {
  spec = createValidators();
});

const demo = parseWorkspace(demoSite());
// The simulator numbers a transition into each status 11, 21, 31… in the site's status order.
const DONE = String(demo.statuses.findIndex((status) => status.name === 'Done') * 10 + 11);
const IN_REVIEW = String(demo.statuses.findIndex((status) => status.name === 'In Review') * 10 + 11);
const idOf = (key: string) => demo.issues.find((issue) => issue.key === key)?.id ?? 'missing';

let sim: RunningSimulator;
let events: SimEvent[];
beforeEach(async () => {
  sim = await startSimulator({ workspace: demoSite() });
  events = [];
  sim.onEvent((event) => events.push(event));
});
afterEach(() => sim.close());

async function statusOf(key: string): Promise<string> {
  const page = await searchJql(sim, { jql: `key = ${key}`, fields: ['status', 'resolutiondate'] });
  return String(obj(obj(obj(arr(obj(page.json).issues)[0]).fields).status).name);
}

async function linksOf(key: string): Promise<Record<string, unknown>[]> {
  const page = await searchJql(sim, { jql: `key = ${key}`, fields: ['issuelinks'] });
  return arr(obj(obj(arr(obj(page.json).issues)[0]).fields).issuelinks).map(obj);
}

describe('transitions', () => {
  it('lists a transition into every other status, in the spec’s shape', async () => {
    const answer = await call(sim, 'GET', '/rest/api/3/issue/CV-104/transitions');
    expect(answer.status).toBe(200);
    expectValid(
      spec.response('platform', '/rest/api/3/issue/{issueIdOrKey}/transitions', 'get'),
      answer.json,
      'transitions',
    );
    const names = arr(obj(answer.json).transitions).map((t) => obj(t).name);
    expect(names).toEqual(expect.arrayContaining(['To Do', 'Done']));
    expect(names).not.toContain('In Review');
  });

  it('moves the issue to Done and sends avi:jira:updated:issue with the status change', async () => {
    const transitions = await call(sim, 'GET', '/rest/api/3/issue/CV-104/transitions');
    const done = arr(obj(transitions.json).transitions)
      .map(obj)
      .find((t) => t.name === 'Done');
    const answer = await call(sim, 'POST', '/rest/api/3/issue/CV-104/transitions', {
      transition: { id: done?.id },
    });
    expect(answer.status).toBe(204);
    expect(await statusOf('CV-104')).toBe('Done');
    // Search answers kept from before the move are not served again.
    const doneNow = await searchJql(sim, { jql: 'key = CV-104 AND statusCategory = Done' });
    expect(arr(obj(doneNow.json).issues)).toHaveLength(1);

    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      issue: { id: idOf('CV-104'), key: 'CV-104' },
      associatedStatuses: [
        { name: 'Done', statusCategory: { key: 'done' } },
        { name: 'In Review', statusCategory: { key: 'indeterminate' } },
      ],
      changelog: { items: [{ fieldId: 'status', fromString: 'In Review', toString: 'Done' }] },
    });
    expect(toIndexEvent(events[0])).toEqual({
      kind: 'issue-updated',
      issueId: idOf('CV-104'),
      statusCategory: { from: 'indeterminate', to: 'done' },
    });
  });

  it('adds the move to the issue’s history, so its changelog still ends in its status', async () => {
    await call(sim, 'POST', '/rest/api/3/issue/CV-104/transitions', { transition: { id: DONE } });
    const answer = await call(sim, 'POST', '/rest/api/3/changelog/bulkfetch', {
      issueIdsOrKeys: ['CV-104'],
      fieldIds: ['status'],
    });
    const histories = arr(obj(arr(obj(answer.json).issueChangeLogs)[0]).changeHistories);
    const last = obj(arr(obj(histories[histories.length - 1]).items)[0]);
    expect(last).toMatchObject({ field: 'status', toString: 'Done' });
  });

  it('refuses a transition the issue does not have, and sends nothing', async () => {
    const same = await call(sim, 'POST', '/rest/api/3/issue/CV-104/transitions', {
      transition: { id: IN_REVIEW },
    });
    expect(same.status).toBe(400);
    expect(obj(same.json).errorMessages).toEqual([
      `Transition id '${IN_REVIEW}' is not valid for this issue.`,
    ]);
    const malformed = await call(sim, 'POST', '/rest/api/3/issue/CV-104/transitions', { transition: 31 });
    expect(malformed.status).toBe(400);
    const unknown = await call(sim, 'POST', '/rest/api/3/issue/CV-999/transitions', {
      transition: { id: '31' },
    });
    expect(unknown.status).toBe(404);
    expect(events).toEqual([]);
  });
});

describe('issue links', () => {
  it('deletes a link from both issues and sends avi:jira:deleted:issuelink with both ends', async () => {
    const link = (await linksOf('CV-101')).find((each) => obj(each.inwardIssue ?? {}).key === 'CV-104');
    expect(link).toBeDefined();
    const answer = await call(sim, 'DELETE', `/rest/api/3/issueLink/${String(link?.id)}`);
    expect(answer.status).toBe(204);
    expect((await linksOf('CV-101')).some((each) => each.id === link?.id)).toBe(false);
    expect((await linksOf('CV-104')).some((each) => each.id === link?.id)).toBe(false);
    expect(events).toEqual([
      expect.objectContaining({
        eventType: 'avi:jira:deleted:issuelink',
        id: Number(link?.id),
        sourceIssueId: Number(idOf('CV-104')),
        destinationIssueId: Number(idOf('CV-101')),
        issueLinkType: expect.objectContaining({ name: 'Blocks' }),
      }),
    ]);
    expect(toIndexEvent(events[0])).toEqual({
      kind: 'link-deleted',
      sourceIssueId: idOf('CV-104'),
      destinationIssueId: idOf('CV-101'),
    });
    expect((await call(sim, 'DELETE', `/rest/api/3/issueLink/${String(link?.id)}`)).status).toBe(404);
    expect(events).toHaveLength(1);
  });

  it('creates a link (201, no body) that both issues list, and sends avi:jira:created:issuelink', async () => {
    const answer = await call(sim, 'POST', '/rest/api/3/issueLink', {
      type: { name: 'Blocks' },
      outwardIssue: { key: 'CV-102' },
      inwardIssue: { key: 'CV-106' },
    });
    expect(answer.status).toBe(201);
    expect(answer.text).toBe('');
    const onDownstream = (await linksOf('CV-106')).find(
      (each) => obj(each.inwardIssue ?? {}).key === 'CV-102',
    );
    expect(onDownstream).toBeDefined();
    const fetched = await call(sim, 'GET', `/rest/api/3/issueLink/${String(onDownstream?.id)}`);
    expectValid(
      spec.response('platform', '/rest/api/3/issueLink/{linkId}', 'get'),
      fetched.json,
      'issueLink',
    );
    expect(events).toEqual([
      expect.objectContaining({
        eventType: 'avi:jira:created:issuelink',
        id: Number(onDownstream?.id),
        sourceIssueId: Number(idOf('CV-102')),
        destinationIssueId: Number(idOf('CV-106')),
      }),
    ]);
    expect(toIndexEvent(events[0])).toEqual({
      kind: 'link-created',
      sourceIssueId: idOf('CV-102'),
      destinationIssueId: idOf('CV-106'),
    });
  });

  it('refuses a link of an unknown type or to an unknown issue, and sends nothing', async () => {
    const type = await call(sim, 'POST', '/rest/api/3/issueLink', {
      type: { name: 'Haunts' },
      outwardIssue: { key: 'CV-102' },
      inwardIssue: { key: 'CV-106' },
    });
    expect(type.status).toBe(404);
    const issue = await call(sim, 'POST', '/rest/api/3/issueLink', {
      type: { name: 'Blocks' },
      outwardIssue: { key: 'CV-999' },
      inwardIssue: { key: 'CV-106' },
    });
    expect(issue.status).toBe(404);
    expect(events).toEqual([]);
  });
});

describe('issue edits', () => {
  it('changes labels and sends avi:jira:updated:issue naming the field; an edit that changes nothing sends nothing', async () => {
    const answer = await call(sim, 'PUT', '/rest/api/3/issue/CV-105', {
      update: { labels: [{ add: 'urgent' }] },
    });
    expect(answer.status).toBe(204);
    const page = await searchJql(sim, { jql: 'key = CV-105', fields: ['labels'] });
    expect(obj(obj(arr(obj(page.json).issues)[0]).fields).labels).toContain('urgent');
    expect(events).toEqual([
      expect.objectContaining({
        eventType: 'avi:jira:updated:issue',
        changelog: expect.objectContaining({ items: [expect.objectContaining({ fieldId: 'labels' })] }),
      }),
    ]);
    expect(toIndexEvent(events[0])).toEqual({ kind: 'issue-updated', issueId: idOf('CV-105') });
    await call(sim, 'PUT', '/rest/api/3/issue/CV-105', { update: { labels: [{ add: 'urgent' }] } });
    expect(events).toHaveLength(1);
    const refused = await call(sim, 'PUT', '/rest/api/3/issue/CV-105', {
      fields: { priority: { name: 'High' } },
    });
    expect(refused.status).toBe(400);
    expect(obj(obj(refused.json).errors).priority).toMatch(/cannot be set/);
  });
});

describe('issue creation', () => {
  it('creates an issue in To Do with the next key, in the sprint named, and sends avi:jira:created:issue', async () => {
    const sprintField = demo.fields.find((field) => field.role === 'sprint')?.id ?? 'missing';
    const sprint = demo.sprints.find((each) => each.state === 'active')?.id;
    const answer = await call(sim, 'POST', '/rest/api/3/issue', {
      fields: {
        project: { key: 'CV' },
        summary: 'Relabel the glare images',
        issuetype: { name: 'Story' },
        labels: ['data'],
        [sprintField]: sprint,
      },
    });
    expect(answer.status).toBe(201);
    expectValid(spec.response('platform', '/rest/api/3/issue', 'post', '201'), answer.json, 'created issue');
    const { key, id } = obj(answer.json);
    expect(demo.issues.some((issue) => issue.key === key)).toBe(false);
    const page = await searchJql(sim, {
      jql: `sprint = ${String(sprint)} AND key = ${String(key)}`,
      fields: ['status'],
    });
    expect(obj(obj(obj(arr(obj(page.json).issues)[0]).fields).status).name).toBe('To Do');
    expect(events).toEqual([
      expect.objectContaining({
        eventType: 'avi:jira:created:issue',
        issue: expect.objectContaining({ id, key }),
      }),
    ]);
    expect(toIndexEvent(events[0])).toEqual({ kind: 'issue-created', issueId: id });
  });

  it('refuses an issue without a summary or in an unknown project, and sends nothing', async () => {
    const noSummary = await call(sim, 'POST', '/rest/api/3/issue', {
      fields: { project: { key: 'CV' }, summary: ' ', issuetype: { name: 'Story' } },
    });
    expect(noSummary.status).toBe(400);
    const noProject = await call(sim, 'POST', '/rest/api/3/issue', {
      fields: { project: { key: 'NOPE' }, summary: 'x', issuetype: { name: 'Story' } },
    });
    expect(noProject.status).toBe(400);
    expect(obj(obj(noProject.json).errors).project).toBeDefined();
    expect(events).toEqual([]);
  });
});
