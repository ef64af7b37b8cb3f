import { z } from 'zod';

/** The Forge queue the background history reads go through (manifest: consumer `history-reader-consumer`). */
export const HISTORY_READ_QUEUE = 'board-history-reads';

/**
 * One background read of a board's history for one person: everything the consumer needs to read exactly what
 * the resolver would have read, and to store it under the key the resolver looks in. Nothing here comes from the
 * browser: the account is the resolver's trusted `context.accountId`.
 */
export const historyReadEventSchema = z
  .object({
    version: z.literal(1),
    token: z.string().regex(/^[a-z0-9]{8,40}$/),
    accountId: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[a-zA-Z0-9:._-]+$/),
    site: z.string().max(500),
    boardId: z.number().int().positive(),
    sprintId: z.number().int().positive(),
    /** The instant the history ends (the resolver's "today"). */
    asOf: z.string().datetime(),
    windowDays: z.number().int().positive().max(3660),
    configFingerprint: z.string().regex(/^[0-9a-f]{8}$/),
    requestedAt: z.string().datetime(),
  })
  .strict();

export type HistoryReadEvent = z.infer<typeof historyReadEventSchema>;

/** Where background reads are sent: Forge's async-event queue when deployed, a stand-in in tests. */
export interface HistoryReadQueue {
  push(event: HistoryReadEvent): Promise<void>;
}
