import type { AnyAppFieldIds, AppFieldKey } from './app-fields';
import { ALL_APP_FIELD_MODULE_KEYS } from './app-fields';
import type { JiraClient } from './client';
import { JiraError, type JiraErrorCode } from '../errors';

/**
 * Jira documents no cap on `POST /rest/api/3/app/field/value` (SPEC `updateMultipleCustomFieldValues`). Two public
 * Forge apps that write it chunk at 100 issues and at 200 updates a request; staying inside both keeps us clear of
 * a cap we cannot see, and costs little: a write is charged one point whatever its size (rate-limiting page).
 */
export const APP_FIELD_IDS_PER_UPDATE = 100;
/** (field, issue) pairs per request, over all its updates; also bounds the updates (each holds at least one). */
export const APP_FIELD_PAIRS_PER_REQUEST = 200;
/** Extra requests one call may spend splitting refused requests to find the pairs Jira refuses. */
export const DEFAULT_SPLIT_BUDGET = 20;

const ENDPOINT = 'POST /rest/api/3/app/field/value';

/** A text field's value, a number field's (finite) value, or `null` to clear the field. */
export type AppFieldValue = string | number | null;

/** One value for one app field on one issue; `null` clears the field. */
export interface AppFieldWrite {
  /** The board index's fields (lane, handoff, dod) and the evidence fields the ML tools feed. */
  field: AppFieldKey;
  /** Jira's numeric issue id (the endpoint takes ids, not keys). */
  issueId: string;
  value: AppFieldValue;
}

export interface AppFieldWriteFailure extends AppFieldWrite {
  /** Jira's words (or why it was never sent: the field is not on the site, or the run stopped). */
  reason: string;
  code: JiraErrorCode | 'field-missing';
  /** For `rate-limited`: how long Jira asked to wait. */
  retryAfterMs: number | null;
}

export interface AppFieldWriteResult {
  written: AppFieldWrite[];
  failed: AppFieldWriteFailure[];
  /** Requests this call made, splits included; the client's retries of one request are not counted. */
  requests: number;
}

export interface AppFieldWriteOptions {
  /**
   * Whether Jira records each change in the issue's history. Off by default: the values are recomputed whenever
   * an upstream issue moves, and a history line per recompute would bury people's own changes.
   */
  generateChangelog?: boolean;
  /** See DEFAULT_SPLIT_BUDGET. */
  splitBudget?: number;
}

/** The request body of `updateMultipleCustomFieldValues`. */
export interface AppFieldUpdateBody {
  updates: { customField: string; issueIds: number[]; value: AppFieldValue }[];
}

/** One planned request: its body, and the writes it carries (to say which were written or failed). */
export interface AppFieldRequest {
  body: AppFieldUpdateBody;
  writes: AppFieldWrite[];
}

const ISSUE_ID = /^[1-9]\d{0,14}$/;

/**
 * The writes, each (field, issue) once, in as few requests as the caps allow: writes of the same field and value
 * share an update entry. Writes to a field the site does not have are returned as failures, never sent.
 * Throws on bad input: an unknown field, an id that is not Jira's numeric id, or one pair given two values.
 */
export function planAppFieldRequests(
  writes: readonly AppFieldWrite[],
  fieldIds: AnyAppFieldIds,
): { requests: AppFieldRequest[]; unsendable: AppFieldWriteFailure[] } {
  const unique = uniqueWrites(writes);
  const unsendable: AppFieldWriteFailure[] = [];
  const sendable: AppFieldWrite[] = [];
  for (const write of unique) {
    if (fieldIds[write.field] === undefined) {
      unsendable.push({
        ...write,
        code: 'field-missing',
        reason: `the ${write.field} field (module ${ALL_APP_FIELD_MODULE_KEYS[write.field]}) is not on this site`,
        retryAfterMs: null,
      });
    } else {
      sendable.push(write);
    }
  }
  return { requests: pack(sendable, fieldIds), unsendable };
}

/**
 * Writes app field values as the app, batched (never one request per issue), and says for every write whether it
 * was written or failed and why. A request Jira refuses (400/403/404) is split in halves and sent again, within
 * `splitBudget` extra requests, so one deleted issue does not sink the other writes of its batch.
 */
export async function writeAppFieldValues(
  client: JiraClient,
  writes: readonly AppFieldWrite[],
  fieldIds: AnyAppFieldIds,
  options: AppFieldWriteOptions = {},
): Promise<AppFieldWriteResult> {
  const { requests, unsendable } = planAppFieldRequests(writes, fieldIds);
  const path = `/rest/api/3/app/field/value?generateChangelog=${options.generateChangelog ?? false}`;
  const written: AppFieldWrite[] = [];
  const failed: AppFieldWriteFailure[] = [...unsendable];
  let budget = options.splitBudget ?? DEFAULT_SPLIT_BUDGET;
  let sent = 0;

  const send = async (request: AppFieldRequest): Promise<void> => {
    sent += 1;
    try {
      await client.send(ENDPOINT, 'POST', path, request.body);
      written.push(...request.writes);
    } catch (error) {
      if (!(error instanceof JiraError)) throw error;
      if (refusesSome(error) && request.writes.length > 1 && budget >= 2) {
        budget -= 2;
        const half = Math.ceil(request.writes.length / 2);
        const halves = [request.writes.slice(0, half), request.writes.slice(half)];
        await Promise.all(halves.flatMap((part) => pack(part, fieldIds)).map(send));
        return;
      }
      for (const write of request.writes) {
        failed.push({ ...write, code: error.code, reason: error.message, retryAfterMs: error.retryAfterMs });
      }
    }
  };

  await Promise.all(requests.map(send));
  return { written, failed, requests: sent };
}

/** Answers about the request's content, which a smaller request may not share. */
function refusesSome(error: JiraError): boolean {
  return error.code === 'bad-request' || error.code === 'forbidden' || error.code === 'not-found';
}

function uniqueWrites(writes: readonly AppFieldWrite[]): AppFieldWrite[] {
  const byPair = new Map<string, AppFieldWrite>();
  writes.forEach((write, index) => {
    if (!Object.prototype.hasOwnProperty.call(ALL_APP_FIELD_MODULE_KEYS, write.field)) {
      throw new Error(
        `app field write ${index}: unknown field '${String(write.field)}' (use lane, handoff, dod or an evidence field)`,
      );
    }
    if (!ISSUE_ID.test(write.issueId)) {
      throw new Error(
        `app field write ${index}: issue id '${write.issueId}' is not a Jira issue id (digits)`,
      );
    }
    const value: unknown = write.value;
    if (
      value !== null &&
      typeof value !== 'string' &&
      !(typeof value === 'number' && Number.isFinite(value))
    ) {
      throw new Error(`app field write ${index}: the value must be a string, a finite number or null`);
    }
    const pair = `${write.field}/${write.issueId}`;
    const earlier = byPair.get(pair);
    if (earlier && earlier.value !== write.value) {
      throw new Error(
        `app field write ${index}: the ${write.field} field of issue ${write.issueId} is given two values (${JSON.stringify(earlier.value)} and ${JSON.stringify(write.value)})`,
      );
    }
    if (!earlier) byPair.set(pair, { field: write.field, issueId: write.issueId, value: write.value });
  });
  return [...byPair.values()];
}

/** Groups by (field, value), then fills requests up to the caps; a group may continue in the next request. */
function pack(writes: readonly AppFieldWrite[], fieldIds: AnyAppFieldIds): AppFieldRequest[] {
  const groups = new Map<string, { customField: string; value: AppFieldValue; writes: AppFieldWrite[] }>();
  for (const write of writes) {
    const customField = fieldIds[write.field];
    if (customField === undefined) continue;
    const key = JSON.stringify([customField, write.value]);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { customField, value: write.value, writes: [] }));
    group.writes.push(write);
  }
  const requests: AppFieldRequest[] = [];
  let current: AppFieldRequest = { body: { updates: [] }, writes: [] };
  for (const group of groups.values()) {
    let start = 0;
    while (start < group.writes.length) {
      const room = APP_FIELD_PAIRS_PER_REQUEST - current.writes.length;
      const take = Math.min(room, APP_FIELD_IDS_PER_UPDATE, group.writes.length - start);
      const chunk = group.writes.slice(start, start + take);
      current.body.updates.push({
        customField: group.customField,
        issueIds: chunk.map((write) => Number(write.issueId)),
        value: group.value,
      });
      current.writes.push(...chunk);
      start += take;
      if (current.writes.length >= APP_FIELD_PAIRS_PER_REQUEST) {
        requests.push(current);
        current = { body: { updates: [] }, writes: [] };
      }
    }
  }
  if (current.writes.length > 0) requests.push(current);
  return requests;
}
