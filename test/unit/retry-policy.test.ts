import { z } from 'zod';
import { JiraClient } from '../../src/jira/client';
import { retryDelayMs } from '../../src/jira/retry-policy';
import { DEFAULT_TIME_BUDGET_MS } from '../../src/resolvers/deps';

const policy = { maxRetries: 4, baseDelayMs: 500, maxDelayMs: 30_000 };

describe('retry delay', () => {
  it("waits as long as Jira's Retry-After says, in seconds", () => {
    expect(retryDelayMs(0, '7', policy)).toBe(7000);
  });

  it('understands Retry-After as an HTTP date', () => {
    const now = Date.parse('2026-11-25T10:00:00Z');
    expect(retryDelayMs(0, 'Wed, 25 Nov 2026 10:00:05 GMT', policy, Math.random, () => now)).toBe(5000);
  });

  it("reports Jira's whole wait, even beyond the cap (the client then answers instead of waiting)", () => {
    expect(retryDelayMs(0, '3600', policy)).toBe(3_600_000);
  });

  it('backs off exponentially with jitter when Jira gives no Retry-After', () => {
    const low = () => 0;
    const high = () => 0.999999;
    expect(retryDelayMs(0, null, policy, low)).toBe(250);
    expect(retryDelayMs(0, null, policy, high)).toBe(500);
    expect(retryDelayMs(3, null, policy, low)).toBe(2000);
    expect(retryDelayMs(3, null, policy, high)).toBe(4000);
    expect(retryDelayMs(20, null, policy, high)).toBe(30_000);
  });

  it('ignores a Retry-After it cannot read and falls back to backoff', () => {
    expect(retryDelayMs(1, 'soon', policy, () => 0)).toBe(500);
  });

  it.each(['-5', '-0.5', '1.5', '1e3', 'Infinity', '2026-11-25', ''])(
    'falls back to backoff on a negative or nonsense Retry-After (%j), never retrying at once',
    (header) => {
      expect(retryDelayMs(1, header, policy, () => 0)).toBe(500);
    },
  );

  it('falls back to backoff when Retry-After names a moment already past', () => {
    const now = Date.parse('2026-11-25T10:00:00Z');
    expect(
      retryDelayMs(
        1,
        'Wed, 25 Nov 2026 09:59:00 GMT',
        policy,
        () => 0,
        () => now,
      ),
    ).toBe(500);
  });

  it('honours Retry-After: 0 (Jira says go ahead now)', () => {
    expect(retryDelayMs(1, '0', policy, () => 0)).toBe(0);
  });

  it('gives a Jira that keeps rate-limiting a few growing waits by default, then answers "rate-limited"', async () => {
    let calls = 0;
    const waits: number[] = [];
    const client = new JiraClient(
      async () => {
        calls += 1;
        return { status: 429, ok: false, headers: { get: () => null }, text: async () => '{}' };
      },
      { sleep: async (ms) => void waits.push(ms) },
    );
    const error = await client.call('GET /x', 'GET', '/x', z.unknown()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'rate-limited' });
    expect(calls).toBe(waits.length + 1);
    expect(waits.length).toBeGreaterThan(0);
    // Each wait's jitter window doubles: later waits never fall below half the window.
    waits.forEach((wait, attempt) => expect(wait).toBeGreaterThanOrEqual(250 * 2 ** attempt));
    // All of it fits in a resolver's time budget, so the panel hears "rate-limited" rather than a timeout.
    expect(waits.reduce((sum, wait) => sum + wait, 0)).toBeLessThan(DEFAULT_TIME_BUDGET_MS);
  });
});
