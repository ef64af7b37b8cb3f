import { z } from 'zod';

/**
 * Opaque page tokens: an offset bound to the request that made it (a JQL query, or a changelog request's ids
 * and fields), so a token cannot be replayed against another request.
 */

const tokenShape = z.object({ q: z.number(), o: z.number().int().nonnegative() });

export function encodePageToken(binding: string, offset: number): string {
  return Buffer.from(JSON.stringify({ q: hash(binding), o: offset })).toString('base64url');
}

/** The offset, or undefined when the token is malformed or was made for another request. */
export function decodePageToken(token: string, binding: string): number | undefined {
  try {
    const data: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    const parsed = tokenShape.safeParse(data);
    return parsed.success && parsed.data.q === hash(binding) ? parsed.data.o : undefined;
  } catch {
    return undefined;
  }
}

/** FNV-1a: short and stable. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
