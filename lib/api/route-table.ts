import type { ApiErrorType } from "./errors";
import { OPERATIONS } from "./registry";

const ROUTES = OPERATIONS.reduce((table, { path, method }) => {
  const pattern = new RegExp(`^${path.replace(/[.]/g, "\\.").replace(/\{\w+\}/g, "[^/]+")}/?$`);
  const entry = table.find((route) => route.pattern.source === pattern.source) ?? table[table.push({ pattern, methods: [] }) - 1];
  entry.methods.push(method);
  return table;
}, [] as { pattern: RegExp; methods: string[] }[]);

// The methods a path answers to, or null when no route has that path.
function allowedMethods(pathname: string): string[] | null {
  const route = ROUTES.find(({ pattern }) => pattern.test(pathname));
  if (!route) return null;
  return route.methods.includes("GET") ? [...route.methods, "HEAD"] : route.methods;
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export type RouteRejection = {
  status: 400 | 404 | 405;
  error: { type: ApiErrorType; code: string; message: string; param?: string };
  headers?: Record<string, string>;
};

// Why a request cannot reach any /api/v1 route, or null when it can. The proxy answers these
// with the API's error object: otherwise an unknown path gets an HTML page, a wrong method an
// empty 405, and an id Next.js cannot percent-decode ("%ZZ", "%C3%28") a bare text 500 from
// the router, before any route code runs.
export function routeRejection(pathname: string, method: string): RouteRejection | null {
  const allowed = allowedMethods(pathname);
  if (!allowed) {
    return { status: 404, error: { type: "not_found_error", code: "route_not_found", message: `There is no ${pathname} in the API. See /docs/api for the routes.` } };
  }
  if (!allowed.includes(method)) {
    return {
      status: 405,
      error: { type: "invalid_request_error", code: "method_not_allowed", message: `${pathname} does not accept ${method}; it accepts ${allowed.join(", ")}.` },
      headers: { Allow: allowed.join(", ") },
    };
  }
  if (!decodes(pathname)) {
    return {
      status: 400,
      error: {
        type: "invalid_request_error",
        code: "invalid_id",
        message: "The id in the path has malformed percent-encoding: each % must start an escape such as %2F, and escapes must spell UTF-8.",
        param: "id",
      },
    };
  }
  return null;
}
