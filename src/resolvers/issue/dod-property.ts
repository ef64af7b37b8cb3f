import { z } from 'zod';

/**
 * The `ml-lanes-dod` issue property: which manual items are ticked (`checked`, the documented shape), who ticked
 * each and when (`ticks`), and a summary that `jira:entityProperty` indexes for JQL (`met`, `total`, `complete`,
 * `lane`). Anyone who can edit the issue can write it, so it is read as untrusted input: unknown keys are dropped,
 * and who ticked is a courtesy record, not an audit trail.
 */
export const dodPropertySchema = z.object({
  checked: z.record(z.string(), z.boolean()).catch({}),
  ticks: z.record(z.string(), z.object({ by: z.string().nullable(), at: z.string() })).catch({}),
});

export type DodProperty = z.infer<typeof dodPropertySchema>;

export interface DodPropertyValue extends DodProperty {
  met: number;
  total: number;
  /** "yes" or "no": a string so that JQL can ask `= "no"`. */
  complete: 'yes' | 'no';
  lane: string;
}

export function readDodProperty(value: unknown): DodProperty {
  return dodPropertySchema.safeParse(value ?? {}).data ?? { checked: {}, ticks: {} };
}
