import { z } from "zod";
import { idPattern } from "@/lib/ids/new-id";
import type { List } from "./response-schemas";

// Field errors are shown as "<param>: <message>", so messages do not repeat the field name.
const LIMIT_MESSAGE = "must be a whole number from 1 to 100.";

export function listQuerySchema(idPrefix: string) {
  return z.strictObject({
    limit: z.coerce
      .number({ error: LIMIT_MESSAGE })
      .int(LIMIT_MESSAGE)
      .min(1, LIMIT_MESSAGE)
      .max(100, LIMIT_MESSAGE)
      .default(20)
      .meta({ description: "How many objects to return, 1 to 100." }),
    starting_after: z
      .string()
      .regex(idPattern(idPrefix), `must be the id of a ${idPrefix} object.`)
      .optional()
      .meta({ description: "An object id from the previous page: the list continues after it." }),
  });
}

// Newest first by id (ids sort by creation time); ids are unique, so a page boundary never
// skips or repeats an object, even while others are inserted.
export function pageWhere(startingAfter: string | undefined) {
  return startingAfter ? { id: { lt: startingAfter } } : {};
}

// Callers fetch limit + 1 rows: the extra one only tells whether another page follows.
export function toList<T, R>(rows: T[], limit: number, serialize: (row: T) => R): List<R> {
  return { object: "list", data: rows.slice(0, limit).map(serialize), has_more: rows.length > limit };
}
