/**
 * How the panel waits for a history read in the background: it asks again after 2 s, then twice as long each time
 * up to 30 s between asks, and stops asking after 12 minutes (the read may take up to 15; by then a lost read is
 * asked for again by the next request), saying it is taking longer than expected.
 */
export const FIRST_POLL_MS = 2_000;
export const MAX_POLL_MS = 30_000;
export const POLL_DEADLINE_MS = 12 * 60_000;

/** The wait before the `asked`-th ask again (0-based). */
export function pollDelay(asked: number): number {
  return Math.min(MAX_POLL_MS, FIRST_POLL_MS * 2 ** Math.min(asked, 10));
}
