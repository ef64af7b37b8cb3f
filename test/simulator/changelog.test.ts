import {
  CV_FIELDS,
  CV_SPRINTS,
  cvWorkspace,
  parseWorkspace,
  startSimulator,
  type RunningSimulator,
  type Workspace,
} from '../../src/simulator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allChangelogPages, arr, changelogs, obj, searchJql } from './http';
import { createValidators } from './openapi';

/** /changelog/bulkfetch on a small hand-written history: shapes, the field filter, paging, errors. */

const FLAGGED = CV_FIELDS.flagged;
const LABELER = '712020:aiko-sato';
const S13 = CV_SPRINTS.previous;
const SP = CV_FIELDS.storyPointEstimate;

/** The CV squad with the histories of CV-100 (done, reopened once), CV-101 (carried over, flagged) and CV-112. */
function historyWorkspace(): Workspace {
  const ws = cvWorkspace();
  ws.people = [{ accountId: LABELER, displayName: 'Aiko Sato', timeZone: 'Asia/Tokyo' }];
  const cv100 = ws.issues.find((i) => i.key === 'CV-100');
  const cv112 = ws.issues.find((i) => i.key === 'CV-112');
  if (!cv100 || !cv112) throw new Error('CV-100 and CV-112 are part of the CV workspace');
  cv100.created = '2026-11-05T10:00:00.000Z';
  cv100.changelog = [
    { at: '2026-11-09T08:55:00.000Z', changes: [{ kind: 'sprint', from: [], to: [S13] }] },
    {
      at: '2026-11-10T09:30:00.000Z',
      by: LABELER,
      changes: [
        { kind: 'status', from: 'To Do', to: 'In Progress' },
        { kind: 'field', fieldId: SP, from: 3, to: 5 },
      ],
    },
    { at: '2026-11-11T12:00:00.000Z', by: LABELER, changes: [{ kind: 'flag', on: true }] },
    { at: '2026-11-12T15:00:00.000Z', by: LABELER, changes: [{ kind: 'flag', on: false }] },
    {
      at: '2026-11-13T16:00:00.000Z',
      by: LABELER,
      changes: [{ kind: 'status', from: 'In Progress', to: 'Done' }],
    },
    { at: '2026-11-16T09:00:00.000Z', changes: [{ kind: 'status', from: 'Done', to: 'In Progress' }] },
    {
      at: '2026-11-18T11:00:00.000Z',
      by: LABELER,
      changes: [{ kind: 'status', from: 'In Progress', to: 'Done' }],
    },
  ];
  const cv101 = ws.issues.find((i) => i.key === 'CV-101');
  if (!cv101) throw new Error('CV-101 is part of the CV workspace');
  cv101.changelog = [
    { at: '2026-11-09T08:50:00.000Z', changes: [{ kind: 'sprint', from: [], to: [S13] }] },
    {
      at: '2026-11-12T10:00:00.000Z',
      by: LABELER,
      changes: [{ kind: 'status', from: 'To Do', to: 'In Progress' }],
    },
    {
      at: '2026-11-20T16:42:11.000Z',
      changes: [{ kind: 'sprint', from: [S13], to: [S13, CV_SPRINTS.active] }],
    },
    { at: '2026-11-24T14:00:00.000Z', by: LABELER, changes: [{ kind: 'flag', on: true }] },
  ];
  cv101.fields = { ...cv101.fields, [FLAGGED]: ['Impediment'] };
  cv112.changelog = [
    { at: '2026-11-23T08:58:00.000Z', changes: [{ kind: 'sprint', from: [], to: [CV_SPRINTS.active] }] },
    { at: '2026-11-24T10:00:00.000Z', changes: [{ kind: 'status', from: 'To Do', to: 'Done' }] },
  ];
  ws.now = '2026-11-26T12:00:00.000Z';
  return ws;
}

const spec = createValidators();
const realIssue = (key: string) =>
  JSON.parse(
    readFileSync(join(__dirname, '..', 'fixtures', 'jira-real', 'jirametrics', `${key}.json`), 'utf8'),
  ) as Record<string, unknown>;

const histories = (page: Record<string, unknown>): Record<string, unknown>[] =>
  arr(page.issueChangeLogs).flatMap((log) =>
    arr(obj(log).changeHistories).map((h) => ({ issueId: obj(log).issueId, ...obj(h) })),
  );

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ workspace: historyWorkspace() });
});
afterAll(() => sim.close());

describe('an issue’s history in Jira’s shapes', () => {
  test('status and resolution by id, story points as text, Flagged set and cleared, Sprint by id', async () => {
    const page = obj((await changelogs(sim, { issueIdsOrKeys: ['CV-100'] })).json);
    expect(page).not.toHaveProperty('nextPageToken');
    const [log] = arr(page.issueChangeLogs).map(obj);
    expect(log?.issueId).toBe('10100');
    const items = arr(log?.changeHistories).map((h) => arr(obj(h).items));
    expect(items).toEqual([
      [
        {
          field: 'Sprint',
          fieldtype: 'custom',
          fieldId: CV_FIELDS.sprint,
          from: '',
          fromString: '',
          to: String(S13),
          toString: 'CV Sprint 13',
        },
      ],
      [
        {
          field: 'status',
          fieldtype: 'jira',
          fieldId: 'status',
          from: '10000',
          fromString: 'To Do',
          to: '3',
          toString: 'In Progress',
        },
        {
          field: 'Story point estimate',
          fieldtype: 'custom',
          fieldId: SP,
          from: null,
          fromString: '3',
          to: null,
          toString: '5',
        },
      ],
      [
        {
          field: 'Flagged',
          fieldtype: 'custom',
          fieldId: FLAGGED,
          from: null,
          fromString: null,
          to: '[10019]',
          toString: 'Impediment',
        },
      ],
      [
        {
          field: 'Flagged',
          fieldtype: 'custom',
          fieldId: FLAGGED,
          from: '[10019]',
          fromString: 'Impediment',
          to: '',
          toString: '',
        },
      ],
      [
        {
          field: 'resolution',
          fieldtype: 'jira',
          fieldId: 'resolution',
          from: null,
          fromString: null,
          to: '10000',
          toString: 'Done',
        },
        {
          field: 'status',
          fieldtype: 'jira',
          fieldId: 'status',
          from: '3',
          fromString: 'In Progress',
          to: '10002',
          toString: 'Done',
        },
      ],
      [
        {
          field: 'resolution',
          fieldtype: 'jira',
          fieldId: 'resolution',
          from: '10000',
          fromString: 'Done',
          to: null,
          toString: null,
        },
        {
          field: 'status',
          fieldtype: 'jira',
          fieldId: 'status',
          from: '10002',
          fromString: 'Done',
          to: '3',
          toString: 'In Progress',
        },
      ],
      [
        expect.objectContaining({ field: 'resolution', to: '10000' }),
        expect.objectContaining({ field: 'status', to: '10002', toString: 'Done' }),
      ],
    ]);
  });

  test('created is epoch milliseconds, oldest first; ids grow with time; authors are Jira users', async () => {
    const page = obj((await changelogs(sim, { issueIdsOrKeys: ['CV-100'] })).json);
    const all = histories(page);
    expect(all.map((h) => h.created)).toEqual([
      Date.parse('2026-11-09T08:55:00.000Z'),
      Date.parse('2026-11-10T09:30:00.000Z'),
      Date.parse('2026-11-11T12:00:00.000Z'),
      Date.parse('2026-11-12T15:00:00.000Z'),
      Date.parse('2026-11-13T16:00:00.000Z'),
      Date.parse('2026-11-16T09:00:00.000Z'),
      Date.parse('2026-11-18T11:00:00.000Z'),
    ]);
    const ids = all.map((h) => Number(h.id));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(obj(all[1]?.author)).toMatchObject({
      accountId: LABELER,
      displayName: 'Aiko Sato',
      timeZone: 'Asia/Tokyo',
      active: true,
      accountType: 'atlassian',
    });
    // Left out, the author is the site's main user.
    expect(obj(all[0]?.author).displayName).toBe('Priya Raman');
  });

  test('the issue’s own fields agree: created, resolved at the last move into Done, Flagged cleared', async () => {
    const page = obj(
      (
        await searchJql(sim, {
          jql: 'key = CV-100',
          fields: ['created', 'updated', 'resolution', 'resolutiondate', FLAGGED],
        })
      ).json,
    );
    const fields = obj(obj(arr(page.issues)[0]).fields);
    // In the user's time zone (Europe/Berlin), as Jira writes dates in issue fields.
    expect(fields.created).toBe('2026-11-05T11:00:00.000+0100');
    expect(fields.resolutiondate).toBe('2026-11-18T12:00:00.000+0100');
    expect(fields.updated).toBe('2026-11-18T12:00:00.000+0100');
    expect(obj(fields.resolution).name).toBe('Done');
    expect(fields[FLAGGED]).toBeNull();
  });
});

test('a carried-over issue’s Sprint item lists both sprints; a flagged issue shows the Impediment option', async () => {
  const page = obj(
    (await changelogs(sim, { issueIdsOrKeys: ['CV-101'], fieldIds: [CV_FIELDS.sprint] })).json,
  );
  expect(
    histories(page)
      .flatMap((h) => arr(h.items))
      .at(-1),
  ).toMatchObject({
    from: String(S13),
    fromString: 'CV Sprint 13',
    to: `${S13}, ${CV_SPRINTS.active}`,
    toString: 'CV Sprint 13, CV Sprint 14 — classifier v1.1',
  });
  const issue = obj(
    arr(obj((await searchJql(sim, { jql: 'key = CV-101', fields: [FLAGGED] })).json).issues)[0],
  );
  const flagged = arr(obj(issue.fields)[FLAGGED]);
  const real = arr(obj(realIssue('SP-15').fields).customfield_10021);
  expect(flagged).toEqual([
    { self: expect.stringMatching(/customFieldOption\/10019$/), value: 'Impediment', id: '10019' },
  ]);
  expect(Object.keys(obj(flagged[0])).sort()).toEqual(Object.keys(obj(real[0])).sort());
  expect(spec.schema('platform', 'CustomFieldOption')(flagged[0])).toBe(true);
});

test('JQL dates are read in the user’s time zone (CV-100 was resolved at 12:00 in Berlin, 11:00 UTC)', async () => {
  const found = async (jql: string) =>
    arr(obj((await searchJql(sim, { jql: `key = CV-100 AND ${jql}`, fields: ['summary'] })).json).issues)
      .length;
  expect(await found('resolved >= "2026-11-18 12:00"')).toBe(1);
  expect(await found('resolved >= "2026-11-18 12:01"')).toBe(0);
  expect(await found('resolved <= "2026-11-18 11:59"')).toBe(0);
  expect(await found('resolved >= "2026/11/18" AND resolved < "2026-11-19"')).toBe(1);
  // The site's clock is 2026-11-26 12:00 UTC.
  expect(await found('resolved >= "-9d"')).toBe(1);
  expect(await found('resolved >= "-8d"')).toBe(0);
  expect(await found('resolved >= "-1w"')).toBe(0);
});

describe('field filter, order and visibility', () => {
  test('fieldIds keeps only those fields’ items; histories and issues left empty are dropped', async () => {
    const page = obj(
      (await changelogs(sim, { issueIdsOrKeys: ['CV-112', 'CV-100'], fieldIds: [FLAGGED] })).json,
    );
    expect(arr(page.issueChangeLogs).map((l) => obj(l).issueId)).toEqual(['10100']);
    const items = histories(page).flatMap((h) => arr(h.items).map((i) => obj(i).fieldId));
    expect(items).toEqual([FLAGGED, FLAGGED]);
    const status = obj((await changelogs(sim, { issueIdsOrKeys: ['CV-100'], fieldIds: ['status'] })).json);
    // The resolution Jira sets with a move into Done is its own field.
    expect(histories(status).flatMap((h) => arr(h.items).map((i) => obj(i).fieldId))).toEqual([
      'status',
      'status',
      'status',
      'status',
    ]);
  });

  test('issues come in ascending id order, once each, keys and ids mixed; unknown and hidden ids are skipped', async () => {
    const answer = await changelogs(sim, {
      issueIdsOrKeys: ['CV-112', '10100', 'cv-100', 'NOPE-1', 'CV-140', '99999'],
    });
    expect(answer.status).toBe(200);
    expect(arr(obj(answer.json).issueChangeLogs).map((l) => obj(l).issueId)).toEqual(['10100', '10112']);
  });

  test('issues without history are not listed', async () => {
    const page = obj((await changelogs(sim, { issueIdsOrKeys: ['CV-105', 'CV-106'] })).json);
    expect(page).toEqual({ issueChangeLogs: [] });
  });
});

describe('paging', () => {
  test('maxResults histories a page; one issue continues on the next page; nothing repeated or dropped', async () => {
    const whole = histories(obj((await changelogs(sim, { issueIdsOrKeys: ['CV-100', 'CV-112'] })).json));
    expect(whole).toHaveLength(9);
    const pages = await allChangelogPages(sim, { issueIdsOrKeys: ['CV-100', 'CV-112'], maxResults: 2 });
    expect(pages).toHaveLength(5);
    pages.forEach((page, i) => {
      expect('nextPageToken' in page).toBe(i < pages.length - 1);
      expect(histories(page).length).toBeLessThanOrEqual(2);
    });
    // CV-100's seventh history and CV-112's first share the fourth page.
    expect(arr(pages[3]?.issueChangeLogs).map((l) => obj(l).issueId)).toEqual(['10100', '10112']);
    expect(pages.flatMap(histories)).toEqual(whole);
  });

  test('maxChangelogPageSize lowers maxResults silently', async () => {
    const capped = await startSimulator({ workspace: historyWorkspace(), maxChangelogPageSize: 4 });
    try {
      const pages = await allChangelogPages(capped, {
        issueIdsOrKeys: ['CV-100', 'CV-112'],
        maxResults: 1000,
      });
      expect(pages.map((p) => histories(p).length)).toEqual([4, 4, 1]);
    } finally {
      await capped.close();
    }
  });

  test('changelogPageOverlap repeats each page’s last history on the next page', async () => {
    const quirky = await startSimulator({ workspace: historyWorkspace(), changelogPageOverlap: true });
    try {
      const pages = await allChangelogPages(quirky, { issueIdsOrKeys: ['CV-100'], maxResults: 3 });
      const ids = pages.flatMap(histories).map((h) => h.id);
      expect(ids.length).toBeGreaterThan(new Set(ids).size);
      expect(new Set(ids).size).toBe(7);
      expect(pages[1] && histories(pages[1])[0]?.id).toBe(pages[0] && histories(pages[0])[2]?.id);
    } finally {
      await quirky.close();
    }
  });

  test('changelogDates: "iso" writes created as Jira date-time text', async () => {
    const iso = await startSimulator({ workspace: historyWorkspace(), changelogDates: 'iso' });
    try {
      const page = obj((await changelogs(iso, { issueIdsOrKeys: ['CV-112'] })).json);
      expect(histories(page).map((h) => h.created)).toEqual([
        '2026-11-23T09:58:00.000+0100',
        '2026-11-24T11:00:00.000+0100',
      ]);
    } finally {
      await iso.close();
    }
  });
});

describe('errors', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => String(10000 + i));

  test.each([
    ['1,001 ids', { issueIdsOrKeys: ids(1001) }, /maximum of 1,000 issues/],
    ['no ids', { issueIdsOrKeys: [] }, /At least one issue/],
    ['no body field', { fieldIds: ['status'] }, /At least one issue/],
    ['11 field ids', { issueIdsOrKeys: ['CV-100'], fieldIds: ids(11) }, /maximum of 10 field IDs/],
    ['maxResults 0', { issueIdsOrKeys: ['CV-100'], maxResults: 0 }, /maxResults must be between 1 and 10000/],
    ['maxResults 10,001', { issueIdsOrKeys: ['CV-100'], maxResults: 10001 }, /maxResults/],
    ['a made-up token', { issueIdsOrKeys: ['CV-100'], nextPageToken: 'UxAQBFRF' }, /token is invalid/],
    ['ids that are not text', { issueIdsOrKeys: [10100] }, /Invalid request payload/],
  ])('400 for %s', async (_what, body, message) => {
    const answer = await changelogs(sim, body);
    expect(answer.status).toBe(400);
    expect(obj(answer.json).errors).toEqual({});
    expect(arr(obj(answer.json).errorMessages).join(' ')).toMatch(message);
  });

  test('exactly 1,000 ids is fine', async () => {
    expect((await changelogs(sim, { issueIdsOrKeys: ids(1000) })).status).toBe(200);
  });

  test('a token only works for the request that made it', async () => {
    const first = obj((await changelogs(sim, { issueIdsOrKeys: ['CV-100'], maxResults: 2 })).json);
    expect(typeof first.nextPageToken).toBe('string');
    const other = await changelogs(sim, {
      issueIdsOrKeys: ['CV-100'],
      fieldIds: ['status'],
      maxResults: 2,
      nextPageToken: first.nextPageToken,
    });
    expect(other.status).toBe(400);
  });
});

describe('workspace histories are checked', () => {
  test('a history must end where the issue is, move from where it was, and name what exists', () => {
    const ws = historyWorkspace();
    const cv112 = ws.issues.find((i) => i.key === 'CV-112');
    if (!cv112) throw new Error('CV-112 missing');
    const cv101 = ws.issues.find((i) => i.key === 'CV-101');
    if (!cv101) throw new Error('CV-101 is part of the CV workspace');
    cv101.changelog = [
      { at: '2026-11-09T08:50:00.000Z', changes: [{ kind: 'sprint', from: [], to: [S13] }] },
      {
        at: '2026-11-12T10:00:00.000Z',
        by: LABELER,
        changes: [{ kind: 'status', from: 'To Do', to: 'In Progress' }],
      },
      {
        at: '2026-11-20T16:42:11.000Z',
        changes: [{ kind: 'sprint', from: [S13], to: [S13, CV_SPRINTS.active] }],
      },
      { at: '2026-11-24T14:00:00.000Z', by: LABELER, changes: [{ kind: 'flag', on: true }] },
    ];
    cv101.fields = { ...cv101.fields, [FLAGGED]: ['Impediment'] };
    cv112.changelog = [
      { at: '2026-11-24T10:00:00.000Z', changes: [{ kind: 'status', from: 'To Do', to: 'In Progress' }] },
      { at: '2026-11-23T10:00:00.000Z', changes: [{ kind: 'status', from: 'In Review', to: 'Doing' }] },
      { at: '2026-11-25T10:00:00.000Z', by: 'nobody', changes: [{ kind: 'sprint', from: [5], to: [] }] },
    ];
    const problems = (() => {
      try {
        parseWorkspace(ws);
        return '';
      } catch (error) {
        return String(error);
      }
    })();
    expect(problems).toMatch(/earlier than the entry before it/);
    expect(problems).toMatch(/moves from "In Review" but the issue was in "In Progress"/);
    expect(problems).toMatch(/no status "Doing"/);
    expect(problems).toMatch(/no person with account id "nobody"/);
    expect(problems).toMatch(/no sprint 5/);
    expect(problems).toMatch(/ends in status "Doing", but the issue is in "Done"/);
    expect(problems).toMatch(/ends in sprints \[\], but the issue is in \[102\]/);
  });

  test('the Flagged field only takes its own option, and a flag in the history must match it', () => {
    const ws = historyWorkspace();
    const cv105 = ws.issues.find((i) => i.key === 'CV-105');
    if (!cv105) throw new Error('CV-105 missing');
    cv105.fields = { ...cv105.fields, [FLAGGED]: ['Blocked'] };
    cv105.changelog = [{ at: '2026-11-24T10:00:00.000Z', changes: [{ kind: 'flag', on: false }] }];
    expect(() => parseWorkspace(ws)).toThrow(/field "customfield_10238" has no option "Blocked"/);
    expect(() => parseWorkspace(ws)).toThrow(/ends unflagged, but the issue is flagged/);
  });

  test('the hand-written history itself is valid', () => {
    expect(() => parseWorkspace(historyWorkspace())).not.toThrow();
  });
});
