import { z } from "zod";

export const e164Schema = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/, "must be a phone number in E.164 format, like +14155550123.")
  .meta({ description: "Phone number in E.164 format.", example: "+14155550123" });

const MAX_MAP_ENTRIES = 50;
const MAX_MAP_KEY = 40;
const MAX_MAP_VALUE = 500;

// Flat string maps (call variables, metadata): bounded so one object cannot grow without limit.
export function stringMapSchema(description: string) {
  return z
    .record(
      z.string().min(1, "keys cannot be empty.").max(MAX_MAP_KEY, `keys can be at most ${MAX_MAP_KEY} characters.`),
      z.string({ error: "values must be strings." }).max(MAX_MAP_VALUE, `values can be at most ${MAX_MAP_VALUE} characters.`),
    )
    .refine((map) => Object.keys(map).length <= MAX_MAP_ENTRIES, `can hold at most ${MAX_MAP_ENTRIES} entries.`)
    .meta({ description: `${description} A flat map of up to ${MAX_MAP_ENTRIES} string keys (≤ ${MAX_MAP_KEY} chars) to string values (≤ ${MAX_MAP_VALUE} chars).` });
}

// A stored string map (a Json column) as the app reads it: one that is not a flat string map
// (written around the app) reads as empty rather than failing the whole object.
export const storedStringMapSchema = z.record(z.string(), z.string()).catch(() => ({}));

export const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;
