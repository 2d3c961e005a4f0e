import { z } from "zod";
import { aboutField, InvalidInputError } from "@/lib/errors/domain-errors";
import { ApiError } from "./errors";
import { parseFormBody } from "./form-body";
import { tolerantInput, type InputSource } from "./tolerant-input";

export const MAX_BODY_BYTES = 64 * 1024;

// Transport problems (size, encoding, content type, repeated query names): only HTTP has them.
function invalid(code: string, message: string, param?: string) {
  return new ApiError("invalid_request_error", code, message, { param });
}

const TYPE_NAMES: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "an object",
  record: "an object",
  array: "an array",
};

// Zod's defaults speak in types ("Invalid input: expected string, received undefined"); these say
// what to send. A message the schema sets itself still wins.
const humanMessages: z.core.$ZodErrorMap = (issue) => {
  if (issue.code !== "invalid_type") return undefined;
  if (!issue.path?.length) return "The request body must be a JSON object.";
  if (issue.input === undefined) return "is required.";
  return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}.`;
};

// The first problem, named by its field path ("variables.first_name"), in words a person can act on.
// A domain error, not an HTTP one: lib/routing validates merged patches with it too.
export function zodToInputError(error: z.ZodError): InvalidInputError {
  const issue = error.issues[0];
  const path = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    const field = [path, issue.keys[0]].filter(Boolean).join(".");
    return new InvalidInputError("unknown_parameter", { message: `Unknown field "${field}". Check the spelling against the API reference.`, field });
  }
  if (issue.code === "invalid_key" && issue.issues[0]) {
    // The bad key is not a field the client can name, so point at the map that holds it.
    const map = issue.path.slice(0, -1).map(String).join(".");
    return new InvalidInputError("invalid_parameter", aboutField(map, issue.issues[0].message));
  }
  return path ? new InvalidInputError("invalid_parameter", aboutField(path, issue.message)) : new InvalidInputError("invalid_request", issue.message);
}

export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value, { error: humanMessages });
  if (!result.success) throw zodToInputError(result.error);
  return result.data;
}

// Reads at most MAX_BODY_BYTES whatever Content-Length claims, so a huge body costs nothing.
export async function readBodyText(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw invalid("invalid_body", "The request body is not valid UTF-8.");
  }
}

function tooLarge() {
  return invalid("body_too_large", `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
}

export type ParsedBody = { value: unknown; source: Exclude<InputSource, "query"> };

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;
const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(;|$)/i;

// A JSON body (any charset parameter; also without a Content-Type, as before forms were read),
// or a form body with bracket notation (form-body.ts). Other types are refused by name.
export function parseBody(text: string, contentType: string | null): ParsedBody {
  const type = contentType?.trim() ?? "";
  if (FORM_TYPE.test(type)) return { value: parseFormBody(text), source: "form" };
  if (text.trim() === "") return { value: {}, source: "json" };
  if (type && !JSON_TYPE.test(type)) {
    throw invalid(
      "unsupported_content_type",
      "Send the request body as JSON (Content-Type: application/json) or as form fields (Content-Type: application/x-www-form-urlencoded).",
    );
  }
  try {
    return { value: JSON.parse(text), source: "json" };
  } catch {
    throw invalid("invalid_json", "The request body is not valid JSON.");
  }
}

// Input read the way no-code tools send it (tolerant-input.ts), then validated strictly by the
// operation's schema: the one parsing layer of every /api/v1 body and query string.
export function parseRequestInput<S extends z.ZodType>(schema: S, value: unknown, source: InputSource): z.infer<S> {
  return parseInput(schema, tolerantInput(schema, value, source));
}

export function queryObject(url: URL): Record<string, string> {
  const entries = [...url.searchParams];
  const seen = new Set<string>();
  for (const [name] of entries) {
    if (seen.has(name)) throw invalid("duplicate_parameter", `The query parameter "${name}" is given more than once.`, name);
    seen.add(name);
  }
  // fromEntries defines own properties, so "__proto__" or "constructor" are plain (unknown) names.
  return Object.fromEntries(entries);
}
