import {
  APP_FIELD_IDS_PER_UPDATE,
  APP_FIELD_PAIRS_PER_REQUEST,
  planAppFieldRequests,
  writeAppFieldValues,
  type AppFieldUpdateBody,
  type AppFieldWrite,
} from '../../src/jira/app-field-values';
import type { AppFieldIds } from '../../src/jira/app-fields';
import { JiraClient } from '../../src/jira/client';
import type { JiraRequest, JiraResponse } from '../../src/jira/seam';

const FIELD_IDS: AppFieldIds = {
  lane: 'customfield_10950',
  handoff: 'customfield_10951',
  dod: 'customfield_10952',
};

function response(status: number, body: unknown, headers: Record<string, string> = {}): JiraResponse {
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: { get: (name) => headers[name.toLowerCase()] ?? null },
    text: async () => (body === undefined ? '' : JSON.stringify(body)),
  };
}

/** A seam that records every request and answers with `answer` (204 by default). */
function recordingSeam(
  answer: (body: AppFieldUpdateBody, path: string) => JiraResponse = () => response(204, undefined),
) {
  const sent: { path: string; body: AppFieldUpdateBody }[] = [];
  const seam: JiraRequest = async (_method, path, body) => {
    sent.push({ path, body: body as AppFieldUpdateBody });
    return answer(body as AppFieldUpdateBody, path);
  };
  return { seam, sent };
}

const noWait = async () => undefined;

/** Issue ids 10001…; the lane cycles through `values`. */
function laneWrites(count: number, values: readonly (string | null)[]): AppFieldWrite[] {
  return Array.from({ length: count }, (_, n) => ({
    field: 'lane' as const,
    issueId: String(10001 + n),
    value: values[n % values.length] ?? null,
  }));
}

/** Every (field, issue, value) a list of bodies carries, in a comparable form. */
function pairsOf(bodies: readonly AppFieldUpdateBody[]): string[] {
  return bodies.flatMap((body) =>
    body.updates.flatMap((update) =>
      update.issueIds.map((id) => `${update.customField}/${id}=${JSON.stringify(update.value)}`),
    ),
  );
}

describe('writing app field values in batches', () => {
  it('writes 1,000 issues with 3 lane values in 5 requests, grouped by value, within the caps', async () => {
    const writes = laneWrites(1000, ['Data', 'Model', 'Code']);
    const { seam, sent } = recordingSeam();
    const result = await writeAppFieldValues(new JiraClient(seam), writes, FIELD_IDS);

    expect(sent).toHaveLength(Math.ceil(1000 / APP_FIELD_PAIRS_PER_REQUEST));
    expect(result.requests).toBe(sent.length);
    for (const { body } of sent) {
      const ids = body.updates.flatMap((update) => update.issueIds);
      expect(ids.length).toBeLessThanOrEqual(APP_FIELD_PAIRS_PER_REQUEST);
      for (const update of body.updates)
        expect(update.issueIds.length).toBeLessThanOrEqual(APP_FIELD_IDS_PER_UPDATE);
      // Grouped by value: a request holds at most one partly filled update per value.
      const values = body.updates.map((update) => update.value);
      const partial = body.updates.filter((update) => update.issueIds.length < APP_FIELD_IDS_PER_UPDATE);
      expect(new Set(partial.map((update) => update.value)).size).toBe(partial.length);
      expect(new Set(values).size).toBeLessThanOrEqual(3);
    }
    // Every write sent once, with its own value.
    const expected = writes.map((w) => `customfield_10950/${w.issueId}=${JSON.stringify(w.value)}`);
    expect(pairsOf(sent.map((s) => s.body)).sort()).toEqual(expected.sort());
    expect(result.written).toHaveLength(1000);
    expect(result.failed).toEqual([]);
  });

  it('never puts one (field, issue) pair twice in a request, and sends repeated writes once', async () => {
    const writes: AppFieldWrite[] = [
      ...laneWrites(300, ['Data']),
      ...laneWrites(300, ['Data']), // the same writes again
      ...laneWrites(300, ['Ready']).map((w) => ({ ...w, field: 'handoff' as const })),
    ];
    const { seam, sent } = recordingSeam();
    const result = await writeAppFieldValues(new JiraClient(seam), writes, FIELD_IDS);
    for (const { body } of sent) {
      const pairs = body.updates.flatMap((u) => u.issueIds.map((id) => `${u.customField}/${id}`));
      expect(new Set(pairs).size).toBe(pairs.length);
    }
    expect(pairsOf(sent.map((s) => s.body))).toHaveLength(600);
    expect(result.written).toHaveLength(600);
  });

  it('asks Jira not to write a changelog entry unless told to', async () => {
    const quiet = recordingSeam();
    await writeAppFieldValues(new JiraClient(quiet.seam), laneWrites(1, ['Data']), FIELD_IDS);
    expect(quiet.sent[0]?.path).toBe('/rest/api/3/app/field/value?generateChangelog=false');

    const loud = recordingSeam();
    await writeAppFieldValues(new JiraClient(loud.seam), laneWrites(1, ['Data']), FIELD_IDS, {
      generateChangelog: true,
    });
    expect(loud.sent[0]?.path).toBe('/rest/api/3/app/field/value?generateChangelog=true');
  });

  it('sends null to clear a field', () => {
    const { requests } = planAppFieldRequests(laneWrites(2, [null]), FIELD_IDS);
    expect(requests[0]?.body).toEqual({
      updates: [{ customField: 'customfield_10950', issueIds: [10001, 10002], value: null }],
    });
  });

  it('reports writes to a field the site does not have as failed, and sends the others', async () => {
    const writes: AppFieldWrite[] = [
      { field: 'lane', issueId: '10001', value: 'Data' },
      { field: 'dod', issueId: '10001', value: '3/5' },
    ];
    const { seam, sent } = recordingSeam();
    const result = await writeAppFieldValues(new JiraClient(seam), writes, { lane: 'customfield_10950' });
    expect(pairsOf(sent.map((s) => s.body))).toEqual(['customfield_10950/10001="Data"']);
    expect(result.written).toEqual([writes[0]]);
    expect(result.failed).toEqual([
      {
        ...writes[1],
        code: 'field-missing',
        reason: 'the dod field (module ml-lanes-dod-progress) is not on this site',
        retryAfterMs: null,
      },
    ]);
  });

  it('splits a refused request to write everything but the issue Jira refuses, in its words', async () => {
    const { seam, sent } = recordingSeam((body) =>
      body.updates.some((u) => u.issueIds.includes(10077))
        ? response(400, { errorMessages: ['The issue with ID 10077 does not exist.'], errors: {} })
        : response(204, undefined),
    );
    const result = await writeAppFieldValues(
      new JiraClient(seam),
      laneWrites(200, ['Data', 'Model']),
      FIELD_IDS,
    );
    expect(result.written).toHaveLength(199);
    expect(result.failed).toEqual([
      {
        field: 'lane',
        issueId: '10077',
        value: 'Data',
        code: 'bad-request',
        reason: 'POST /rest/api/3/app/field/value answered 400: The issue with ID 10077 does not exist.',
        retryAfterMs: null,
      },
    ]);
    // One request, then halves down to the one issue: about 2·log2(200) more, not one per issue.
    expect(sent.length).toBeLessThanOrEqual(1 + 2 * 8);
  });

  it('reports every write as failed when Jira keeps rate-limiting, with the wait it asks for', async () => {
    const { seam } = recordingSeam(() => response(429, {}, { 'retry-after': '7' }));
    const client = new JiraClient(seam, { sleep: noWait });
    const writes = laneWrites(450, ['Data']);
    const result = await writeAppFieldValues(client, writes, FIELD_IDS);
    expect(result.written).toEqual([]);
    expect(result.failed).toHaveLength(450);
    expect(new Set(result.failed.map((f) => f.code))).toEqual(new Set(['rate-limited']));
    expect(result.failed.every((f) => f.retryAfterMs === 7000)).toBe(true);
  });

  it('refuses bad input, naming what is wrong', () => {
    expect(() =>
      planAppFieldRequests([{ field: 'lane', issueId: 'CV-1', value: 'Data' }], FIELD_IDS),
    ).toThrow("issue id 'CV-1' is not a Jira issue id");
    expect(() =>
      planAppFieldRequests(
        [
          { field: 'lane', issueId: '10001', value: 'Data' },
          { field: 'lane', issueId: '10001', value: 'Model' },
        ],
        FIELD_IDS,
      ),
    ).toThrow('the lane field of issue 10001 is given two values ("Data" and "Model")');
    expect(() =>
      planAppFieldRequests([{ field: 'status' as 'lane', issueId: '10001', value: 'x' }], FIELD_IDS),
    ).toThrow("unknown field 'status'");
  });
});
