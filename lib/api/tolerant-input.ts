import type { z } from "zod";
import { isPhoneNumberSchema } from "./common-schemas";
import { toE164 } from "./phone-number";

// Where a request's input came from: a JSON body keeps its types; a form body and a query string
// have only strings, so there a lone value may stand for a one-item list.
export type InputSource = "json" | "form" | "query";

// Reads input the way no-code tools (Make, Zapier, GoHighLevel) and curl send it, before the
// operation's own schema validates it strictly. Guided by that schema, field by field:
//   - an optional field sent as "" or null is treated as not sent; null stays null where the
//     schema accepts it (an update's "clear this field");
//   - "12" is read as 12 where the field is a number, "true"/"false" as booleans;
//   - a phone number field accepts common written forms (and digits sent as a JSON number),
//     normalized to E.164 (phone-number.ts);
//   - a null entry of a map (variables, metadata) is left out, like a field not sent.
// Anything else passes unchanged, so unknown fields and unreadable values still fail the schema
// with the field's name.
export function tolerantInput(schema: z.core.$ZodType, value: unknown, source: InputSource): unknown {
  const { core } = unwrapField(schema);
  const def = core._zod.def as unknown as CoreDef;
  switch (def.type) {
    case "object":
      return isPlainObject(value) ? objectInput(def.shape, value, source) : value;
    case "record":
      if (!isPlainObject(value)) return value;
      return Object.fromEntries(
        Object.entries(value)
          .filter(([, entry]) => entry !== null)
          .map(([key, entry]) => [key, tolerantInput(def.valueType, entry, source)]),
      );
    case "array":
      return arrayInput(def.element, value, source);
    case "number":
      return typeof value === "string" && NUMBER.test(value.trim()) ? Number(value.trim()) : value;
    case "boolean":
      return typeof value === "string" && /^(true|false)$/i.test(value.trim()) ? value.trim().toLowerCase() === "true" : value;
    case "string":
      // A spreadsheet column of phone numbers often holds them as numbers: 4155550123.
      if (!isPhoneNumberSchema(core) || (typeof value !== "string" && typeof value !== "number")) return value;
      return toE164(String(value)) ?? value;
    default:
      return value;
  }
}

type CoreDef =
  | { type: "object"; shape: Record<string, z.core.$ZodType> }
  | { type: "record"; valueType: z.core.$ZodType }
  | { type: "array"; element: z.core.$ZodType }
  | { type: "number" | "boolean" | "string" | "other" };

// A decimal number as people type it: 12, -3, 4.5, 1e3. Not hex, not "", not "12abc".
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

// What a field is under its optional, nullable, default and similar wrappers (and a pipe's input).
export function unwrapField(schema: z.core.$ZodType): { core: z.core.$ZodType; optional: boolean; nullable: boolean } {
  let core = schema;
  let optional = false;
  let nullable = false;
  for (;;) {
    const def = core._zod.def as unknown as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType };
    if (def.type === "optional" || def.type === "default" || def.type === "prefault") optional = true;
    if (def.type === "nullable") nullable = true;
    const inner = def.type === "pipe" ? def.in : WRAPPERS.has(def.type) ? def.innerType : undefined;
    if (!inner) return { core, optional, nullable };
    core = inner;
  }
}

const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional"]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function objectInput(shape: Record<string, z.core.$ZodType>, value: Record<string, unknown>, source: InputSource) {
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    // Unknown fields pass as sent: the strict schema names them.
    const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (field && (entry === "" || entry === null)) {
      const { optional, nullable } = unwrapField(field);
      if (optional && !(entry === null && nullable)) continue;
    }
    Object.defineProperty(result, key, { value: field ? tolerantInput(field, entry, source) : entry, enumerable: true, writable: true, configurable: true });
  }
  return result;
}

function arrayInput(element: z.core.$ZodType, value: unknown, source: InputSource): unknown {
  if (Array.isArray(value)) return value.map((item) => tolerantInput(element, item, source));
  if (source === "json") return value;
  if (typeof value === "string") return [tolerantInput(element, value, source)];
  // events[0]=a&events[1]=b arrives as {"0": "a", "1": "b"}: a list in index order.
  if (isPlainObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((key) => /^\d{1,6}$/.test(key))) {
    return Object.keys(value)
      .sort((a, b) => Number(a) - Number(b))
      .map((key) => tolerantInput(element, value[key], source));
  }
  return value;
}
