/*
 * The web trigger's request and answer, as Forge hands them over (@forge/api `WebTriggerRequest`/`Response`):
 * header names as sent (any case), each with a list of values; the body as a string, unparsed.
 */

export interface WebhookRequest {
  method: string;
  /** The path after the trigger's URL, e.g. `/mlflow` (Forge's `userPath` when present, else `path`). */
  path: string;
  headers: Readonly<Record<string, readonly string[] | string | undefined>>;
  body: string;
}

export interface WebhookResponse {
  statusCode: number;
  headers: Record<string, string[]>;
  body: string;
}

/** The single value of a header, looked up without regard to case; undefined when absent or sent twice. */
export function header(request: WebhookRequest, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const found: string[] = [];
  for (const [key, value] of Object.entries(request.headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    found.push(...(typeof value === 'string' ? [value] : value));
  }
  // Two values for a signature header is an attempt to confuse; treat it as absent.
  return found.length === 1 ? found[0] : undefined;
}

/** A short JSON answer. Never echoes the request. */
export function answer(statusCode: number, body: Record<string, string>): WebhookResponse {
  return {
    statusCode,
    headers: { 'Content-Type': ['application/json'], 'Cache-Control': ['no-store'] },
    body: JSON.stringify(body),
  };
}
