import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createCallSchema } from "@/lib/calls/schemas";
import { asApiError, type ApiError } from "./errors";
import { MAX_BODY_BYTES, parseBody, parseInput, queryObject, readBodyText } from "./request-input";

const TO = "+14155550123";

function thrown(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    // What the client sees: domain errors (schema problems) go through the API's mapping.
    const apiError = asApiError(error);
    if (apiError) return apiError;
    throw error;
  }
  throw new Error("expected an ApiError");
}

async function rejected(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => {
      throw new Error("expected an ApiError");
    },
    (reason: unknown) => reason,
  );
  const apiError = asApiError(error);
  if (!apiError) throw error;
  return apiError;
}

// The parts of an ApiError a client sees.
function shape(error: ApiError) {
  return { status: error.status, type: error.type, code: error.code, message: error.message, param: error.options.param };
}

const callError = (body: unknown) => shape(thrown(() => parseInput(createCallSchema, body)));

describe("parseInput with zod errors", () => {
  it("returns the parsed value when it is valid", () => {
    expect(parseInput(createCallSchema, { to: TO, variables: { x: "1" } })).toEqual({ to: TO, variables: { x: "1" } });
  });

  it("names a missing field and says it is required", () => {
    expect(callError({})).toEqual({ status: 400, type: "invalid_request_error", code: "invalid_parameter", message: "to: is required.", param: "to" });
  });

  it("says what type a field must have", () => {
    expect(callError({ to: 14155550123 })).toMatchObject({ message: "to: must be a string.", param: "to" });
    expect(callError({ to: TO, variables: ["a"] })).toMatchObject({ message: "variables: must be an object.", param: "variables" });
  });

  it("keeps the schema's own message", () => {
    expect(callError({ to: "4155550123" })).toMatchObject({
      code: "invalid_parameter",
      message: "to: must be a phone number, like +14155550123 or (415) 555-0123.",
      param: "to",
    });
  });

  it("names a nested field by its dotted path", () => {
    expect(callError({ to: TO, variables: { first_name: "Ada", x: { nested: true } } })).toEqual({
      status: 400,
      type: "invalid_request_error",
      code: "invalid_parameter",
      message: "variables.x: values must be strings, numbers or true/false.",
      param: "variables.x",
    });
  });

  it("explains a bad key in a map by the map's name", () => {
    expect(callError({ to: TO, metadata: { "": "x" } })).toMatchObject({ message: "metadata: keys cannot be empty.", param: "metadata" });
    expect(callError({ to: TO, metadata: { ["k".repeat(41)]: "x" } })).toMatchObject({
      message: "metadata: keys can be at most 40 characters.",
      param: "metadata",
    });
  });

  it("refuses an unknown field by name", () => {
    expect(callError({ to: TO, callback_url: "https://example.com" })).toEqual({
      status: 400,
      type: "invalid_request_error",
      code: "unknown_parameter",
      message: 'Unknown field "callback_url". Check the spelling against the API reference.',
      param: "callback_url",
    });
  });

  it("names an unknown field inside a nested object by its full path", () => {
    const schema = z.strictObject({ schedule: z.strictObject({ start: z.string() }) });
    expect(shape(thrown(() => parseInput(schema, { schedule: { start: "09:00", stop: "17:00" } })))).toMatchObject({
      code: "unknown_parameter",
      param: "schedule.stop",
      message: 'Unknown field "schedule.stop". Check the spelling against the API reference.',
    });
  });

  it.each([null, [], "text", 42, true])("refuses a body that is not an object (%j) without a param", (body) => {
    expect(callError(body)).toEqual({
      status: 400,
      type: "invalid_request_error",
      code: "invalid_request",
      message: "The request body must be a JSON object.",
      param: undefined,
    });
  });
});

describe("parseBody", () => {
  it("treats an empty or blank body as an empty object", () => {
    expect(parseBody("", null)).toEqual({ value: {}, source: "json" });
    expect(parseBody(" \n\t", "application/json")).toEqual({ value: {}, source: "json" });
    expect(parseBody("", "application/x-www-form-urlencoded")).toEqual({ value: {}, source: "form" });
  });

  it.each([null, "application/json", "application/json; charset=utf-8", "Application/JSON", "application/vnd.api+json", " application/json "])(
    "accepts JSON sent as %j",
    (contentType) => {
      expect(parseBody('{"to":"+14155550123"}', contentType)).toEqual({ value: { to: TO }, source: "json" });
    },
  );

  it.each(["application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=UTF-8", "Application/X-WWW-Form-Urlencoded"])(
    "reads form fields sent as %j",
    (contentType) => {
      expect(parseBody("to=%2B14155550123&metadata[plan]=gold", contentType)).toEqual({ value: { to: TO, metadata: { plan: "gold" } }, source: "form" });
    },
  );

  it.each(["text/plain", "multipart/form-data; boundary=x", "application/jsonp", "application/xml", "json", "application/x-www-form-urlencodedx"])(
    "refuses a body sent as %j",
    (contentType) => {
      expect(shape(thrown(() => parseBody('{"to":"+14155550123"}', contentType)))).toEqual({
        status: 400,
        type: "invalid_request_error",
        code: "unsupported_content_type",
        message: "Send the request body as JSON (Content-Type: application/json) or as form fields (Content-Type: application/x-www-form-urlencoded).",
        param: undefined,
      });
    },
  );

  it.each(['{"to":', "{to: 1}", "'x'", '{"a":1}{"b":2}', "undefined", "to=%2B14155550123"])("refuses invalid JSON %j", (text) => {
    expect(shape(thrown(() => parseBody(text, "application/json")))).toEqual({
      status: 400,
      type: "invalid_request_error",
      code: "invalid_json",
      message: "The request body is not valid JSON.",
      param: undefined,
    });
  });
});

// A body that arrives in chunks, as from a socket; counts how much of it was read.
function streamedRequest(chunks: Uint8Array[], headers: Record<string, string> = {}) {
  const progress = { pulled: 0, canceled: false };
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (index === chunks.length) return controller.close();
      progress.pulled += 1;
      controller.enqueue(chunks[index++]);
    },
    cancel() {
      progress.canceled = true;
    },
  }, { highWaterMark: 0 });
  const request = new Request("http://localhost/api/v1/calls", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, progress };
}

const KIB = 1024;
const bytes = (size: number, fill = 0x61) => new Uint8Array(size).fill(fill);

describe("readBodyText", () => {
  it("reads a body of exactly the limit", async () => {
    const { request } = streamedRequest([bytes(MAX_BODY_BYTES / 2), bytes(MAX_BODY_BYTES / 2)]);
    expect(await readBodyText(request)).toHaveLength(MAX_BODY_BYTES);
  });

  it("returns an empty string without a body", async () => {
    expect(await readBodyText(new Request("http://localhost/", { method: "POST" }))).toBe("");
  });

  it("refuses one byte over the limit", async () => {
    const { request } = streamedRequest([bytes(MAX_BODY_BYTES), bytes(1)]);
    expect(shape(await rejected(readBodyText(request)))).toEqual({
      status: 400,
      type: "invalid_request_error",
      code: "body_too_large",
      message: "The request body is larger than 64 KiB.",
      param: undefined,
    });
  });

  it("refuses a declared Content-Length over the limit before reading anything", async () => {
    const { request, progress } = streamedRequest([bytes(10)], { "Content-Length": String(10 * 1024 * KIB) });
    expect((await rejected(readBodyText(request))).code).toBe("body_too_large");
    expect(progress.pulled).toBe(0);
  });

  it("stops reading a body larger than its Content-Length claims", async () => {
    const chunks = Array.from({ length: 100 }, () => bytes(16 * KIB));
    const { request, progress } = streamedRequest(chunks, { "Content-Length": "10" });
    expect((await rejected(readBodyText(request))).code).toBe("body_too_large");
    expect(progress.pulled).toBeLessThanOrEqual(6);
    expect(progress.canceled).toBe(true);
  });

  it("stops reading a large body that declares no length", async () => {
    const chunks = Array.from({ length: 100 }, () => bytes(16 * KIB));
    const { request, progress } = streamedRequest(chunks);
    expect(request.headers.get("content-length")).toBeNull();
    expect((await rejected(readBodyText(request))).code).toBe("body_too_large");
    expect(progress.pulled).toBeLessThanOrEqual(6);
  });

  it("decodes a character split across chunks", async () => {
    const encoded = new TextEncoder().encode('{"agent":"Zoë 📞"}');
    const { request } = streamedRequest([encoded.slice(0, 12), encoded.slice(12, 15), encoded.slice(15)]);
    expect(await readBodyText(request)).toBe('{"agent":"Zoë 📞"}');
  });

  it.each([
    ["a lone continuation byte", [0x7b, 0x80, 0x7d]],
    ["a truncated sequence", [0x22, 0xe2, 0x82]],
    ["an overlong encoding", [0xc0, 0xaf]],
    ["a UTF-16 surrogate", [0xed, 0xa0, 0x80]],
  ])("refuses invalid UTF-8: %s", async (_label, invalid) => {
    const { request } = streamedRequest([Uint8Array.from(invalid)]);
    expect(shape(await rejected(readBodyText(request)))).toEqual({
      status: 400,
      type: "invalid_request_error",
      code: "invalid_body",
      message: "The request body is not valid UTF-8.",
      param: undefined,
    });
  });
});

describe("queryObject", () => {
  it("turns the query string into an object of decoded strings", () => {
    expect(queryObject(new URL("http://localhost/api/v1/calls?limit=5&status=in_progress&q=a%20b%2Bc"))).toEqual({
      limit: "5",
      status: "in_progress",
      q: "a b+c",
    });
    expect(queryObject(new URL("http://localhost/api/v1/calls"))).toEqual({});
  });

  it("refuses a parameter given twice, naming it", () => {
    expect(shape(thrown(() => queryObject(new URL("http://localhost/api/v1/calls?status=queued&limit=2&status=failed"))))).toEqual({
      status: 400,
      type: "invalid_request_error",
      code: "duplicate_parameter",
      message: 'The query parameter "status" is given more than once.',
      param: "status",
    });
  });

  it("does not let a parameter named like an Object property slip through", () => {
    expect(queryObject(new URL("http://localhost/?constructor=1"))).toEqual({ constructor: "1" });
    const smuggled = queryObject(new URL("http://localhost/?__proto__=1"));
    expect(Object.getPrototypeOf(smuggled)).toBe(Object.prototype);
    expect(Object.keys(smuggled)).toEqual(["__proto__"]);
    expect(shape(thrown(() => queryObject(new URL("http://localhost/?toString=1&toString=2")))).code).toBe("duplicate_parameter");
  });
});
