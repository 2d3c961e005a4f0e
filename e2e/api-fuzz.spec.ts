import type { APIRequestContext, APIResponse } from "@playwright/test";
import { expect, test } from "./support/test";
import { crc32 } from "node:zlib";
import { signUpWithKeys } from "./support/keyed-account";
import { describeApi, jsonTypes, PUBLIC_ROUTES, routePath, type ApiDescription, type ApiRoute, type JsonSchema } from "./support/openapi-routes";
import { inPool, seededRandom, type SeededRandom } from "./support/seeded-random";
import { unreachableWebhookUrl } from "./support/webhook-inbox";

// Thousands of malformed requests against the real server: every answer must be a 4xx with the
// API's JSON error object and a Request-Id, never a 5xx, an HTML page or a redirect. FUZZ_SEED
// replays a run; the seed is printed.
const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const MALFORMED_REQUESTS = 2000;
const VALID_SHARE = 0.06;
const CONCURRENCY = 8;
// Failed authentications are throttled per client IP (the last X-Forwarded-For entry), so
// each batch of requests comes from its own address.
const REQUESTS_PER_ADDRESS = 16;
// Keyed requests rotate over these so the per-key rate limit rarely answers instead of validation.
const FULL_ACCESS_KEYS = 7;

const METHODS = ["GET", "POST", "PATCH", "DELETE", "PUT", "OPTIONS", "HEAD"];
const BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const ERROR_TYPES: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  403: "permission_error",
  404: "not_found_error",
  405: "invalid_request_error",
  409: "conflict_error",
  429: "rate_limit_error",
};

const UNICODE_IDS = ["☃", "𝓬𝓪𝓵𝓵_0mwyme7hdu9dnc9bgpodi1olw", "\u202Ecall_", "cafe\u0301", "\u200B", "ß", "\uFEFFcall", "日本語", "🙂".repeat(40), "ｃａｌｌ_０"];
const TRAVERSAL_IDS = ["..%2F..%2Fme", "..%2f..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2fme", "..%5C..%5Cme", "call_..%2F..%2Fcontacts", "%2E%2E%5Cwindows", "....%2F%2F", "%252e%252e%252f", "..%00", "%2e%2e%2fcalls%2f"];
// Percent-encoding that does not decode: a stray %, non-hex digits, bytes that are not UTF-8.
const UNDECODABLE_IDS = ["%ZZ", "%", "%C3%28", "%E2%82", "abc%", "%FF%FE", "%uD800", "call_%G1", "%%", "%E0%80%AF"];
const ODD_IDS = ["%00", "a%00b", "%20", "%09", "null", "undefined", "%5Bobject%20Object%5D", "%27%20OR%201%3D1--", "%7B%7D", "-1", "0", "1e309", "__proto__", "constructor", "%0D%0ASet-Cookie:%20x%3D1", "*", "~", "$", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"];
const UNKNOWN_SEGMENTS = ["users", "admin", "keys", "api-keys", "accounts", "debug", "graphql", "..;", "env", "_next", "internal", "metrics", "cancel", "deliveries", "secret", "CALLS", "Contacts", "me.json", "openapi.yaml", "v2", "webhook_endpoints", "routing_rules", "inbound-call"];
const NOT_JSON = [
  "hello",
  '<?xml version="1.0"?><call><to>+14155550123</to></call>',
  "to=%2B14155550123&agent=x",
  "{'to': '+14155550123'}",
  '{to: "+14155550123"}',
  "NaN",
  "undefined",
  '{"to": "+14155550123",}',
  "// comment\n{}",
  '{"a":1}{"b":2}',
  "\u0000",
  "{",
  "}",
  '"unterminated',
  "[1, 2",
  "0x10",
];
// Form bodies (application/x-www-form-urlencoded) are read too (tolerant-input.ts), so not here.
const NON_JSON_TYPES = ["text/plain", "multipart/form-data; boundary=x", "application/xml", "text/html", "application/jsonp", "text/json", "json", "*/*", "application/octet-stream", "image/png"];
const JSON_TYPES = ["application/json", "application/json; charset=utf-8", "application/vnd.api+json", "APPLICATION/JSON", "application/merge-patch+json"];
const JUNK_QUERIES = ["a=1", "limit=abc", "%ZZ=1", "x=%ZZ", "__proto__[x]=1", "q=".repeat(200), "starting_after=../../", "%00=%00", `${encodeURIComponent("☃")}=1`, "&&&", "=", "a[b][c]=d"];

type Kind = "no_key" | "bad_key" | "wrong_method" | "unknown_path" | "bad_id" | "missing_id" | "bad_body" | "bad_query" | "read_only_key";

type FuzzRequest = {
  kind: Kind | "valid";
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  // What the answer may be; 429 is allowed on top wherever a rate limiter is reached.
  statuses: number[];
};

type Setup = {
  api: ApiDescription;
  keys: string[];
  // The account's own object id per id prefix.
  own: Record<string, string>;
};

// Header values go out as bytes: UTF-8 text is sent as its bytes read as Latin-1.
const asHeader = (text: string) => Buffer.from(text, "utf8").toString("latin1");

function toBase62(value: number) {
  let out = "";
  for (let rest = value; rest > 0; rest = Math.floor(rest / 62)) out = BASE62[rest % 62] + out;
  return out.padStart(6, "0");
}

// Well-formed, checksum and all, but never issued.
function forgedKey(rng: SeededRandom) {
  const body = `sb_live_${rng.chars(BASE62, 30)}`;
  return body + toBase62(crc32(body) >>> 0);
}

// Stand-ins for keys that authenticate, filled in when the request is sent (see keyPacer).
const KEY = "{{key}}";
const READ_ONLY_KEY = "{{read-only-key}}";

const when = (condition: boolean, headers: Record<string, string>): Record<string, string> => (condition ? headers : {});

const wellFormedId = (rng: SeededRandom, prefix: string) => `${prefix}_${rng.chars(BASE36, 25)}`;

function generator(rng: SeededRandom, setup: Setup) {
  const { api, own } = setup;
  const prefixes = Object.keys(own);
  // Every documented route needs a key; the public ones are not in the document.
  const authed = api.routes;
  const idRoutes = api.routes.filter((route) => route.idPrefix);
  const bodyRoutes = api.routes.filter((route) => route.body);
  const listRoutes = api.routes.filter((route) => route.method === "GET" && route.query.length > 0);
  const writeRoutes = api.routes.filter((route) => route.permission?.endsWith(":write"));
  const allowedOn = (path: string) => {
    const methods = api.routes.filter((route) => route.path === path).map((route) => route.method as string);
    return methods.includes("GET") ? [...methods, "HEAD"] : methods;
  };

  function badId(prefix: string): string {
    switch (rng.int(8)) {
      case 0:
        return wellFormedId(rng, rng.pick([...prefixes.filter((other) => other !== prefix), "key", "user"]));
      case 1:
        return rng.pick([
          `${prefix}_${rng.chars(BASE36, 24)}`,
          `${prefix}_${rng.chars(BASE36, 26)}`,
          `${prefix}_A${rng.chars(BASE36, 24)}`,
          `${prefix.toUpperCase()}_${rng.chars(BASE36, 25)}`,
          `${prefix}-${rng.chars(BASE36, 25)}`,
          `${prefix}_${rng.chars(BASE36, 24)}-`,
          `${prefix}_`,
          prefix,
        ]);
      case 2:
        return `${prefix}_${"a".repeat(rng.between(100, 6000))}`;
      case 3:
        return encodeURIComponent(rng.pick(UNICODE_IDS));
      case 4:
        return rng.pick(TRAVERSAL_IDS);
      case 5:
        return rng.pick(UNDECODABLE_IDS);
      case 6:
        return rng.pick(ODD_IDS);
      default:
        return encodeURIComponent(`${prefix}_${rng.chars(BASE36, 20)}${rng.pick(["'", '"', "<", ">", "{", "}", "|", " ", ";", "\n", "\0", "*", "%"])}${rng.chars(BASE36, 4)}`);
    }
  }

  // Any id at all: own, missing, or bad. Undecodable ones are refused by the proxy (400) before anything else.
  function anyId(prefix: string) {
    const id = rng.pick([() => own[prefix] ?? wellFormedId(rng, prefix), () => wellFormedId(rng, prefix), () => badId(prefix)])();
    return { id, undecodable: UNDECODABLE_IDS.includes(id) };
  }

  function anyPath(route: ApiRoute) {
    if (!route.idPrefix) return { path: route.path, undecodable: false };
    const { id, undecodable } = anyId(route.idPrefix);
    return { path: routePath(route, id), undecodable };
  }

  function badAuthHeaders(): Record<string, string> {
    // Derived from a real key, but never one that authenticates.
    const valid = setup.keys[0];
    return rng.pick<() => Record<string, string>>([
      () => ({ Authorization: rng.pick(["Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "bearer  x y", `Token ${valid}`, `Bearer ${valid} extra`, "Digest username=x", `${valid}`]) }),
      () => ({ Authorization: `Bearer ${rng.pick(["sk_live_", "SB_LIVE_", "sb_test_"])}${rng.chars(BASE62, 36)}` }),
      () => ({ Authorization: `Bearer sb_live_${rng.chars(BASE62, rng.between(0, 80))}` }),
      () => ({ Authorization: `Bearer sb_live_${rng.chars(BASE62, 30)}!@#$%^` }),
      () => ({ Authorization: `Bearer ${valid.slice(0, -1)}${valid.endsWith("A") ? "B" : "A"}` }),
      () => ({ Authorization: `Bearer ${forgedKey(rng)}` }),
      () => ({ "X-API-Key": forgedKey(rng) }),
      () => ({ Authorization: `Bearer ${"A".repeat(rng.between(1000, 7000))}` }),
      () => ({ "X-API-Key": "k".repeat(rng.between(1000, 7000)) }),
      () => ({ Authorization: asHeader(`Bearer sb_live_ключ${rng.chars(BASE62, 26)}`) }),
      () => ({ "X-API-Key": asHeader(rng.pick(["é", "🔑", `sb_live_${"ü".repeat(36)}`, "ключ"])) }),
      () => ({ Authorization: "Bearer nope", "X-API-Key": valid }),
      () => ({ "X-API-Key": `${valid}, ${valid}` }),
      () => ({ "X-API-Key": `"${valid}"` }),
    ])();
  }

  // Not "__proto__": Next.js drops that query parameter before any route sees it, so it is
  // ignored rather than refused.
  function badQuery(route: ApiRoute): string {
    const options: (() => string)[] = [
      () => `zz_${rng.chars(BASE36, 6)}=1`,
      () => "constructor=x",
      () => "limit[]=5",
      () => `limit=${rng.between(1, 50)}&limit=${rng.between(51, 100)}`,
    ];
    for (const { name, schema } of route.query) {
      const resolved = api.resolve(schema);
      const encoded = (value: string) => `${name}=${encodeURIComponent(value)}`;
      // An empty value ("status=") counts as not sent, so it is not among the bad ones.
      if (resolved.enum) options.push(() => encoded(rng.pick(["COMPLETED", "done", "queued ", "%", "null", "☃"])));
      if (resolved.type === "integer") {
        const outside = [resolved.minimum, resolved.maximum].filter((bound) => bound !== undefined).map((bound, index) => String(index ? bound! + 1 : bound! - 1));
        options.push(() => encoded(rng.pick([...outside, "abc", "1.5", "Infinity", "NaN", "1,2", "9".repeat(400), "true", "[1]"])));
      }
      if (resolved.pattern) {
        options.push(() => encoded(rng.pick(["not valid!", "☃", "x".repeat(3000), "' OR 1=1--", "call +1 415 555 0123", "../../me", wellFormedId(rng, "zz")])));
      }
      if (resolved.maxLength) options.push(() => encoded("x".repeat(resolved.maxLength! + 1 + rng.int(50))));
    }
    return rng.pick(options)();
  }

  // One field of the body given a value of a JSON type the schema does not allow. Not the
  // values the API reads as no-code tools send them (tolerant-input.ts): "" or null for an
  // optional field (not sent), "1" or "true" for a number or boolean.
  function wrongTypeValue(schema: JsonSchema, required: boolean): unknown {
    const allowed = jsonTypes(schema, api.resolve);
    const candidates: [string, unknown][] = [
      ["string", rng.pick(["x", "{}", "1,5", "yes"])],
      ["number", rng.pick([0, -1, 42, 1.5, 1e300])],
      ["boolean", rng.chance(0.5)],
      ["object", rng.pick([{}, { k: 1 }, { nested: { deeper: [1] } }])],
      ["array", rng.pick([[], [1], ["ping"], [null]])],
      ...(required ? [["null", null] as [string, unknown]] : []),
    ];
    return rng.pick(candidates.filter(([type]) => !allowed.has(type)))[1];
  }

  // A value the field's type allows but its pattern, enum or length does not.
  function outOfRangeValue(schema: JsonSchema): unknown | undefined {
    const resolved = api.resolve(schema);
    const options = resolved.anyOf ? resolved.anyOf.map(api.resolve) : [resolved];
    const choices: unknown[] = [];
    for (const option of options) {
      if (option.enum) choices.push("zz_not_a_choice");
      if (option.pattern) choices.push("not valid ☃", " ", "+");
      if (option.maxLength) choices.push("x".repeat(option.maxLength + 1 + rng.int(100)));
      if (option.type === "array" && option.items) {
        const items = api.resolve(option.items);
        if (items.enum) choices.push(["zz_not_a_choice"], [...items.enum, "zz_extra"]);
      }
      if (option.minimum !== undefined) choices.push(option.minimum - 1);
      if (option.maximum !== undefined) choices.push(option.maximum + 1);
      if (option.type === "integer") choices.push(0.5);
    }
    return choices.length ? rng.pick(choices) : undefined;
  }

  // JSON text of the example with one more member written first.
  const withMember = (example: Record<string, unknown>, name: string, valueText: string) => {
    const rest = JSON.stringify(Object.fromEntries(Object.entries(example).filter(([field]) => field !== name))).slice(1);
    return `{${JSON.stringify(name)}:${valueText}${rest === "}" ? "" : ","}${rest}`;
  };

  function badBody(route: ApiRoute): { text: string | Buffer; contentType: string } {
    const { schema, example } = route.body!;
    const fields = Object.entries(schema.properties ?? {});
    const field = rng.pick(fields);
    const isRequired = (schema.required ?? []).includes(field[0]);
    const json = rng.pick(JSON_TYPES);
    const nest = (depth: number) => rng.pick(["[".repeat(depth) + "]".repeat(depth), '{"a":'.repeat(depth) + "1" + "}".repeat(depth)]);
    const unknownName = rng.pick(["zz_unknown", "__proto__", "constructor", "prototype", "toString", "id", "object", "created_at", "user_id", "userId", "account_id", "deleted", "secret", ""].filter((name) => !Object.hasOwn(schema.properties ?? {}, name)));
    const mutations: (() => { text: string | Buffer; contentType: string } | undefined)[] = [
      () => {
        const text = JSON.stringify(example);
        return { text: text.slice(0, rng.between(1, text.length - 1)), contentType: json };
      },
      () => ({ text: rng.pick(NOT_JSON), contentType: json }),
      () => ({
        text: Buffer.concat([Buffer.from(`{"${field[0]}":"`), Buffer.from(rng.pick([[0xc3, 0x28], [0xff], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0xaf]])), Buffer.from('"}')]),
        contentType: json,
      }),
      () => ({ text: JSON.stringify(example), contentType: asHeader(rng.pick(NON_JSON_TYPES)) }),
      () => ({ text: nest(rng.pick([10_000, 20_000])), contentType: json }),
      () => ({ text: "[".repeat(rng.between(1_000, 40_000)), contentType: json }),
      () => ({ text: withMember(example, field[0], nest(10_000)), contentType: json }),
      () => ({ text: withMember(example, rng.pick([field[0], "padding"]), JSON.stringify("x".repeat(rng.between(65_537, 300_000)))), contentType: json }),
      () => ({ text: JSON.stringify({ ...example, metadata: Object.fromEntries(Array.from({ length: 3_000 }, (_, index) => [`key_${index}`, "v".repeat(20)])) }), contentType: json }),
      () => ({ text: withMember(example, field[0], JSON.stringify(wrongTypeValue(field[1], isRequired))), contentType: json }),
      () => ({ text: withMember(example, unknownName, JSON.stringify(rng.pick([1, "x", { polluted: true }, null]))), contentType: json }),
      () => {
        const required = schema.required ?? [];
        if (!required.length) return undefined;
        const missing = rng.pick(required);
        return { text: JSON.stringify(Object.fromEntries(Object.entries(example).filter(([name]) => name !== missing))), contentType: json };
      },
      () => {
        const value = outOfRangeValue(field[1]);
        return value === undefined ? undefined : { text: withMember(example, field[0], JSON.stringify(value) ?? "null"), contentType: json };
      },
      () => ({ text: rng.pick(["null", "0", '"text"', "true", "[]", "[{}]", "-1e999", "1e999", `[${JSON.stringify(example)}]`]), contentType: json }),
      () => ({ text: `{${JSON.stringify(field[0])}:${JSON.stringify(example[field[0]] ?? "x")},${JSON.stringify(field[0])}:${JSON.stringify(wrongTypeValue(field[1], isRequired))}}`, contentType: json }),
      () => ({ text: `{${JSON.stringify(field[0])}:"a${rng.pick(["\u0001", "\n", "\t", "\u001f"])}b"}`, contentType: json }),
    ];
    for (;;) {
      const body = rng.pick(mutations)();
      if (body) return body;
    }
  }

  function unknownPath(): string {
    for (;;) {
      const word = rng.pick(UNKNOWN_SEGMENTS);
      const path = rng.pick<() => string>([
        () => `/api/v1/${word}`,
        () => `/api/v1/${word}/${rng.chars(BASE36, 8)}`,
        () => `${routePath(rng.pick(idRoutes), wellFormedId(rng, "x"))}/${word}`,
        () => `/api/v1/${encodeURIComponent(rng.pick(UNICODE_IDS))}`,
        () => `/api/v1/${"x".repeat(rng.between(200, 5000))}`,
        () => `/api/v1/${rng.pick(UNDECODABLE_IDS)}/${word}`,
        () => `/api/v1/me/${word}`,
        () => `/api/v1/calls/${wellFormedId(rng, "call")}/cancel/${word}`,
        () => `/api/v1/${word}/..%2F..%2Fme`,
        () => `${rng.pick(PUBLIC_ROUTES)}/${word}`,
      ])();
      if (!api.isRoute(path)) return path;
    }
  }

  const malformed: Record<Kind, () => Omit<FuzzRequest, "kind">> = {
    no_key: () => {
      const route = rng.pick(authed);
      const { path, undecodable } = anyPath(route);
      return { method: route.method, path, headers: when(rng.chance(0.3), { Cookie: "next-auth.session-token=forged" }), statuses: undecodable ? [400] : [401] };
    },
    bad_key: () => {
      const route = rng.pick(authed);
      const { path, undecodable } = anyPath(route);
      const body = route.body && rng.chance(0.5) ? Buffer.from(JSON.stringify(route.body.example)) : undefined;
      return {
        method: rng.chance(0.15) && route.method === "GET" ? "HEAD" : route.method,
        path,
        headers: { ...badAuthHeaders(), ...when(body !== undefined, { "Content-Type": "application/json" }) },
        body,
        statuses: undecodable ? [400] : [401],
      };
    },
    wrong_method: () => {
      const route = rng.pick(api.routes);
      const allowed = allowedOn(route.path);
      const { path } = anyPath(route);
      const headers = when(rng.chance(0.5), { Authorization: `Bearer ${KEY}` });
      return { method: rng.pick(METHODS.filter((method) => !allowed.includes(method))), path, headers, statuses: [405] };
    },
    unknown_path: () => ({
      method: rng.pick(METHODS),
      path: unknownPath(),
      headers: when(rng.chance(0.5), { Authorization: `Bearer ${KEY}` }),
      statuses: [404],
    }),
    bad_id: () => {
      const route = rng.pick(idRoutes);
      const body = route.body ? Buffer.from(JSON.stringify(route.body.example)) : undefined;
      return {
        method: rng.chance(0.15) && route.method === "GET" ? "HEAD" : route.method,
        path: routePath(route, badId(route.idPrefix!)),
        headers: { Authorization: `Bearer ${KEY}`, ...when(body !== undefined, { "Content-Type": "application/json" }) },
        body,
        statuses: [400],
      };
    },
    missing_id: () => {
      const route = rng.pick(idRoutes);
      const body = route.body ? Buffer.from(JSON.stringify(route.body.example)) : undefined;
      return {
        method: rng.chance(0.15) && route.method === "GET" ? "HEAD" : route.method,
        path: routePath(route, wellFormedId(rng, route.idPrefix!)),
        headers: { "X-API-Key": KEY, ...when(body !== undefined, { "Content-Type": "application/json" }) },
        body,
        statuses: [404],
      };
    },
    bad_body: () => {
      const route = rng.pick(bodyRoutes);
      const { text, contentType } = badBody(route);
      const id = route.idPrefix ? (rng.chance(0.6) ? own[route.idPrefix] : wellFormedId(rng, route.idPrefix)) : "";
      const idempotency = when(route.method === "POST" && rng.chance(0.3), {
        "Idempotency-Key": asHeader(rng.pick([`fuzz-${SEED}-${rng.chars(BASE36, 12)}`, "ключ", " ", "k".repeat(300)])),
      });
      return {
        method: route.method,
        path: routePath(route, id),
        headers: { Authorization: `Bearer ${KEY}`, "Content-Type": contentType, ...idempotency },
        body: Buffer.isBuffer(text) ? text : Buffer.from(text),
        statuses: [400],
      };
    },
    bad_query: () => {
      const route = rng.pick(listRoutes);
      return { method: rng.chance(0.15) ? "HEAD" : "GET", path: `${route.path}?${badQuery(route)}`, headers: { Authorization: `Bearer ${KEY}` }, statuses: [400] };
    },
    read_only_key: () => {
      const route = rng.pick(writeRoutes);
      const path = route.idPrefix ? routePath(route, rng.chance(0.5) ? own[route.idPrefix] : wellFormedId(rng, route.idPrefix)) : route.path;
      const body = route.body ? (rng.chance(0.5) ? Buffer.from(JSON.stringify(route.body.example)) : Buffer.from(String(badBody(route).text))) : undefined;
      return {
        method: route.method,
        path,
        headers: { Authorization: `Bearer ${READ_ONLY_KEY}`, ...when(body !== undefined, { "Content-Type": "application/json" }) },
        body,
        statuses: [403],
      };
    },
  };

  const valid: (() => Omit<FuzzRequest, "kind">)[] = [
    () => {
      const header = rng.pick(["Authorization", "X-API-Key"]);
      return { method: "GET", path: "/api/v1/me", headers: { [header]: header === "Authorization" ? `Bearer ${KEY}` : ` ${KEY} ` }, statuses: [200] };
    },
    () => {
      const route = rng.pick(listRoutes);
      const pattern = route.query.find((parameter) => parameter.name === "starting_after")?.schema.pattern;
      const prefix = pattern ? /^\^(\w+?)_/.exec(pattern)?.[1] : undefined;
      const after = prefix && own[prefix] && rng.chance(0.5) ? `&starting_after=${own[prefix]}` : "";
      return { method: "GET", path: `${route.path}?limit=${rng.between(1, 100)}${after}`, headers: { Authorization: `Bearer ${KEY}` }, statuses: [200] };
    },
    () => {
      const route = rng.pick(idRoutes.filter((candidate) => candidate.method === "GET"));
      return { method: rng.pick(["GET", "HEAD"]), path: routePath(route, own[route.idPrefix!]), headers: { Authorization: `Bearer ${KEY}` }, statuses: [200] };
    },
    () => ({ method: "GET", path: rng.pick(PUBLIC_ROUTES), headers: badAuthHeaders(), statuses: [200] }),
    () => ({ method: "GET", path: "/api/v1/me", headers: { Authorization: `Bearer ${KEY}`, "Content-Type": "text/plain" }, body: Buffer.from(rng.pick(NOT_JSON)), statuses: [200] }),
    () => ({ method: "GET", path: "/api/v1/me", headers: { Authorization: `Bearer ${KEY}`, "X-API-Key": "garbage" }, statuses: [200] }),
  ];

  const weights: Record<Kind, number> = {
    no_key: 7,
    bad_key: 16,
    wrong_method: 10,
    unknown_path: 8,
    bad_id: 15,
    missing_id: 8,
    bad_body: 25,
    bad_query: 7,
    read_only_key: 4,
  };

  // Noise that never changes the outcome: junk headers, Accept asking for HTML, spoofed
  // X-Forwarded-For entries ahead of the real one, junk query on routes that take none.
  function withNoise(request: FuzzRequest, address: string): FuzzRequest {
    const headers = { ...request.headers };
    const huge = Object.values(headers).some((value) => value.length > 900);
    if (rng.chance(0.2)) headers.Accept = rng.pick(["text/html", "*/*", "application/xml", "garbage", "text/html;q=0.9,*/*;q=0.1"]);
    if (rng.chance(0.15)) headers[`X-Fuzz-${rng.chars(BASE36, 4)}`] = asHeader(rng.pick(["☃", "a\tb", "\u00ff\u00fe", "x".repeat(200), "' OR 1=1"]));
    if (!huge && rng.chance(0.05)) headers["X-Padding"] = "p".repeat(rng.between(1000, 6000));
    headers["X-Forwarded-For"] = rng.chance(0.2) ? `${rng.pick(["127.0.0.1", "10.0.0.1", "::1", "garbage"])}, ${address}` : address;
    const queryless = !request.path.includes("?") && !api.routes.some((route) => route.path === request.path && route.query.length > 0);
    const path = queryless && request.kind !== "valid" && rng.chance(0.15) ? `${request.path}?${rng.pick(JUNK_QUERIES)}` : request.path;
    return { ...request, path, headers };
  }

  return (index: number): FuzzRequest => {
    const address = `198.18.${Math.floor(index / REQUESTS_PER_ADDRESS / 256) % 256}.${Math.floor(index / REQUESTS_PER_ADDRESS) % 256}`;
    if (rng.chance(VALID_SHARE)) return withNoise({ kind: "valid", ...rng.pick(valid)() }, address);
    const kind = rng.weighted(weights);
    return withNoise({ kind, ...malformed[kind]() }, address);
  };
}

const REACHES_RATE_LIMITER: FuzzRequest["kind"][] = ["no_key", "bad_key", "bad_id", "missing_id", "bad_body", "bad_query", "read_only_key", "valid"];

// What is wrong with the answer, or null when it is what the API promises.
async function problemWith(request: FuzzRequest, response: APIResponse): Promise<string | null> {
  const status = response.status();
  const allowed = REACHES_RATE_LIMITER.includes(request.kind) ? [...request.statuses, 429] : request.statuses;
  if (!allowed.includes(status)) return `status ${status}, expected ${allowed.join("/")}: ${(await response.text()).slice(0, 200)}`;
  if (request.method === "HEAD") return null;
  const headers = response.headers();
  if (!/^application\/json/.test(headers["content-type"] ?? "")) return `content-type ${headers["content-type"]}: ${(await response.text()).slice(0, 200)}`;
  if (!/^req_[\w-]+$/.test(headers["request-id"] ?? "")) return `no Request-Id header (${headers["request-id"]})`;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return `body is not JSON: ${(await response.text()).slice(0, 200)}`;
  }
  if (status < 300) return body && typeof body === "object" && !("error" in body) ? null : `2xx with an error body ${JSON.stringify(body).slice(0, 200)}`;
  const { error, ...rest } = (body ?? {}) as { error?: Record<string, unknown> };
  if (!error || Object.keys(rest).length) return `not {error: …}: ${JSON.stringify(body).slice(0, 200)}`;
  const extra = Object.keys(error).filter((field) => !["type", "code", "message", "param"].includes(field));
  if (extra.length || typeof error.code !== "string" || typeof error.message !== "string" || error.type !== ERROR_TYPES[status]) {
    return `malformed error object ${JSON.stringify(error).slice(0, 200)}`;
  }
  return null;
}

// Hands out keys so none passes the server's per-key limit (fixed windows aligned to the clock):
// each key serves at most `perWindow` requests a window, leaving room for requests in flight
// across a window boundary. When every key is used up, waiting for the next window is the point.
function keyPacer(keys: string[], perWindow = 88, windowMs = 10_000) {
  const used = new Map<string, { window: number; count: number }>();
  return async function take(): Promise<string> {
    for (;;) {
      const window = Math.floor(Date.now() / windowMs);
      for (const key of keys) {
        const use = used.get(key);
        if (!use || use.window !== window) {
          used.set(key, { window, count: 1 });
          return key;
        }
        if (use.count < perWindow) {
          use.count += 1;
          return key;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, (window + 1) * windowMs - Date.now() + 10));
    }
  };
}

async function snapshot(request: APIRequestContext, key: string, api: ApiDescription, own: Record<string, string>) {
  const headers = { Authorization: `Bearer ${key}` };
  const objects: Record<string, unknown> = {};
  for (const route of api.routes.filter((candidate) => candidate.method === "GET" && candidate.idPrefix)) {
    const response = await request.get(routePath(route, own[route.idPrefix!]), { headers });
    expect(response.status()).toBe(200);
    const object = await response.json();
    // A call moves through its states by itself; only that it is still there matters.
    objects[route.path] = object.object === "call" ? object.id : object;
  }
  for (const route of api.routes.filter((candidate) => candidate.method === "GET" && candidate.query.length > 0)) {
    const response = await request.get(`${route.path}?limit=100`, { headers });
    expect(response.status()).toBe(200);
    objects[`${route.path} ids`] = (await response.json()).data.map((object: { id: string }) => object.id);
  }
  return objects;
}

test("thousands of malformed API requests all get a 4xx JSON error, never a 5xx", { tag: ["@api", "@security"] }, async ({ browser, request, baseURL }) => {
  test.setTimeout(150_000);
  const owner = await signUpWithKeys(browser, baseURL, "Fuzz Target", [
    { name: "Fuzz setup" },
    ...Array.from({ length: FULL_ACCESS_KEYS }, (_, index) => ({ name: `Fuzz ${index + 1}` })),
    { name: "Fuzz read only", options: { access: "Read only" } },
  ]);
  const [setupKey, ...fuzzKeys] = owner.keys;
  const readOnlyKey = fuzzKeys.pop()!;
  const created = async (path: string, data: object) => {
    const response = await request.post(path, { headers: { Authorization: `Bearer ${setupKey}` }, data });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()).id as string;
  };
  const own: Record<string, string> = {
    call: await created("/api/v1/calls", { to: "+14155550123" }),
    contact: await created("/api/v1/contacts", { external_id: "fuzz-1", first_name: "Fuzz" }),
    rule: await created("/api/v1/routing-rules", { action: "agent", target: "Fuzz agent" }),
    we: await created("/api/v1/webhook-endpoints", { url: unreachableWebhookUrl("fuzz"), events: ["ping"] }),
  };
  // The call's events keep coming until it ends; the snapshots compare the event list too.
  const setupHeaders = { Authorization: `Bearer ${setupKey}` };
  await expect
    .poll(async () => (await (await request.get(`/api/v1/calls/${own.call}`, { headers: setupHeaders })).json()).status, { timeout: 20_000 })
    .toMatch(/^(completed|no_answer|failed|canceled)$/);
  own.evt = (await (await request.get("/api/v1/events?limit=1", { headers: setupHeaders })).json()).data[0].id;
  const api = await describeApi(request);
  for (const route of api.routes) if (route.idPrefix) expect(Object.keys(own), `an object to fuzz ${route.path} with`).toContain(route.idPrefix);
  const before = await snapshot(request, setupKey, api, own);

  const rng = seededRandom(SEED);
  const next = generator(rng, { api, keys: fuzzKeys, own });
  const requests: FuzzRequest[] = [];
  while (requests.filter((candidate) => candidate.kind !== "valid").length < MALFORMED_REQUESTS) requests.push(next(requests.length));

  const fullKey = keyPacer(fuzzKeys);
  const readOnly = keyPacer([readOnlyKey]);
  const withKeys = async (headers: Record<string, string>) => {
    const filled: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      filled[name] = value.includes(KEY) ? value.replace(KEY, await fullKey()) : value.includes(READ_ONLY_KEY) ? value.replace(READ_ONLY_KEY, await readOnly()) : value;
    }
    return filled;
  };

  const statuses: Record<string, number> = {};
  const kinds: Record<string, number> = {};
  const problems: string[] = [];
  const started = Date.now();
  await inPool(requests, CONCURRENCY, async (fuzz) => {
    const label = `${fuzz.kind} ${fuzz.method} ${fuzz.path.slice(0, 120)}${fuzz.path.length > 120 ? "…" : ""}`;
    try {
      const response = await request.fetch(fuzz.path, {
        method: fuzz.method,
        headers: await withKeys(fuzz.headers),
        data: fuzz.body,
        maxRedirects: 0,
        failOnStatusCode: false,
        timeout: 20_000,
      });
      statuses[response.status()] = (statuses[response.status()] ?? 0) + 1;
      kinds[fuzz.kind] = (kinds[fuzz.kind] ?? 0) + 1;
      const problem = await problemWith(fuzz, response);
      if (problem) problems.push(`${label} (body ${fuzz.body?.toString("latin1").slice(0, 80)}): ${problem}`);
    } catch (error) {
      problems.push(`${label}: no answer (${(error as Error).message.split("\n")[0]})`);
    }
  });

  console.log(
    `api fuzz: seed ${SEED}; ${MALFORMED_REQUESTS} malformed + ${requests.length - MALFORMED_REQUESTS} valid requests in ${((Date.now() - started) / 1000).toFixed(1)} s, ${CONCURRENCY} at a time\n` +
      `  statuses ${JSON.stringify(statuses)}\n  kinds ${JSON.stringify(kinds)}`,
  );
  expect(problems, `seed ${SEED}`).toEqual([]);
  expect(statuses["429"] ?? 0, "rate limits answered instead of validation").toBeLessThan(requests.length * 0.02);

  expect((await request.get("/api/v1/health")).status()).toBe(200);
  // Malformed requests write nothing: the fuzzed objects and every list are as they were.
  expect(await snapshot(request, setupKey, api, own)).toEqual(before);
  await owner.close();
});
