import { ApiError } from "./errors";

// An application/x-www-form-urlencoded body (Zapier's and Make's default "form" payload, and
// what `curl -d` sends) read into the object a JSON body would give, with Stripe's bracket
// notation for nested values:
//   metadata[plan]=gold              → { metadata: { plan: "gold" } }
//   events[]=a&events[]=b            → { events: ["a", "b"] }
//   events=a&events=b                → { events: ["a", "b"] }   (OpenAPI's form style)
//   events[0]=a&events[1]=b          → { events: { 0: "a", 1: "b" } }, read as a list where the
//                                      schema wants one (tolerant-input.ts), else a map with keys "0", "1".
// Every value is a string; the operation's schema decides what it means (tolerant-input.ts).

type FormValue = string | FormValue[] | { [key: string]: FormValue };

const MAX_DEPTH = 5;
const KEY = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

function badBody(message: string, param?: string) {
  return new ApiError("invalid_request_error", "invalid_body", message, { param });
}

const isMap = (value: FormValue | undefined): value is { [key: string]: FormValue } => typeof value === "object" && !Array.isArray(value);

// Own properties only, defined rather than assigned, so "__proto__" or "constructor" are plain
// (and, for the schema, unknown) names that can reach no prototype.
function put(target: { [key: string]: FormValue }, key: string, value: FormValue) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

// "metadata[plan]" → ["metadata", "plan"]; "events[]" → ["events", ""]. A name the notation
// cannot read ("a[b") is kept whole, so the schema refuses it as an unknown field by name.
function pathOf(name: string): string[] {
  const match = KEY.exec(name);
  if (!match) return [name];
  return [match[1], ...[...match[2].matchAll(/\[([^[\]]*)\]/g)].map((segment) => segment[1])];
}

export function parseFormBody(text: string): Record<string, FormValue> {
  const root: { [key: string]: FormValue } = {};
  for (const [name, value] of new URLSearchParams(text)) {
    const path = pathOf(name);
    if (path.length > MAX_DEPTH) throw badBody(`The form field "${name.slice(0, 100)}" is nested more than ${MAX_DEPTH - 1} levels deep.`, path[0]);
    const field = path.filter(Boolean).join(".");
    const conflict = () => badBody(`The form field "${field}" is sent both as a value and as a list or object.`, field);
    let container: { [key: string]: FormValue } | FormValue[] = root;
    path.forEach((segment, index) => {
      const last = index === path.length - 1;
      const nextIsList = !last && path[index + 1] === "";
      if (Array.isArray(container)) {
        // Only "[]" reaches a list: each one adds an entry (a nested "[]" opens a new one).
        if (last) {
          container.push(value);
          return;
        }
        const child: FormValue = nextIsList ? [] : {};
        container.push(child);
        container = child as typeof container;
        return;
      }
      if (segment === "") throw conflict();
      const existing: FormValue | undefined = Object.hasOwn(container, segment) ? container[segment] : undefined;
      if (last) {
        // A name repeated without brackets lists its values, as OpenAPI's form style sends a list.
        if (existing === undefined) put(container, segment, value);
        else if (typeof existing === "string") put(container, segment, [existing, value]);
        else if (Array.isArray(existing) && existing.every((item) => typeof item === "string")) existing.push(value);
        else throw conflict();
        return;
      }
      if (existing === undefined) {
        const child: FormValue = nextIsList ? [] : {};
        put(container, segment, child);
        container = child as typeof container;
      } else if (nextIsList ? Array.isArray(existing) : isMap(existing)) {
        container = existing as typeof container;
      } else {
        throw conflict();
      }
    });
  }
  return root;
}
