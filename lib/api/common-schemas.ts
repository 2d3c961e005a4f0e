import { z } from "zod";

// Phone numbers are stored and answered in E.164. The API also accepts common written forms
// ("+1 (415) 555-0123", "415-555-0123"), normalized before this schema checks them (see
// tolerant-input.ts), so its message says what can be sent.
export const PHONE_FORMS = "E.164 (+14155550123) or a written form such as +1 (415) 555-0123 or 415-555-0123";

export const e164Schema = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/, "must be a phone number, like +14155550123 or (415) 555-0123.")
  .meta({
    description: `Phone number: ${PHONE_FORMS} (without a country code, a number of the server's DEFAULT_PHONE_REGION); stored and answered in E.164.`,
    example: "+14155550123",
  });

// Whether a field is a phone number: e164Schema itself or a copy of it with its own
// description (.meta() returns a copy whose parent is the original).
export function isPhoneNumberSchema(schema: z.core.$ZodType): boolean {
  for (let current: z.core.$ZodType | undefined = schema; current; current = current._zod.parent) if (current === e164Schema) return true;
  return false;
}

const MAX_MAP_ENTRIES = 50;
const MAX_MAP_KEY = 40;
const MAX_MAP_VALUE = 500;

const MAP_VALUE_MESSAGE = "values must be strings, numbers or true/false.";

// Flat maps (call variables, metadata): bounded so one object cannot grow without limit. Values
// may be sent as strings, numbers or booleans (no-code tools send all three) and are stored as
// strings in their JSON spelling (42 → "42", true → "true"), so a map reads the same whether it
// was sent as JSON or as a form body, which has only strings.
export function stringMapSchema(description: string) {
  return z
    .record(
      z.string().min(1, "keys cannot be empty.").max(MAX_MAP_KEY, `keys can be at most ${MAX_MAP_KEY} characters.`),
      z
        .union([z.string().max(MAX_MAP_VALUE, `values can be at most ${MAX_MAP_VALUE} characters.`), z.number(), z.boolean()], { error: MAP_VALUE_MESSAGE })
        .transform(String),
    )
    .refine((map) => Object.keys(map).length <= MAX_MAP_ENTRIES, `can hold at most ${MAX_MAP_ENTRIES} entries.`)
    .meta({
      description: `${description} A flat map of up to ${MAX_MAP_ENTRIES} string keys (≤ ${MAX_MAP_KEY} chars) to values: strings (≤ ${MAX_MAP_VALUE} chars), numbers or booleans, stored and answered as strings (42 → "42", true → "true").`,
    });
}

// A stored string map (a Json column) as the app reads it: one that is not a flat string map
// (written around the app) reads as empty rather than failing the whole object.
export const storedStringMapSchema = z.record(z.string(), z.string()).catch(() => ({}));

export const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;
