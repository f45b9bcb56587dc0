// Hocuspocus stateless messages are strings anyone on the socket could have sent; each kind the
// host sends (the room welcome, the saved vector) is JSON checked against its own schema.
import type { z } from 'zod';

/** The message in a stateless payload if it is JSON of this schema; null for anything else. */
export function parseStatelessMessage<T>(schema: z.ZodType<T>, payload: string): T | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
