import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { allowedMethods } from "@/lib/api/route-table";
import { strictTransportSecurity } from "@/lib/http/strict-transport-security";

function jsonError(status: number, type: string, code: string, message: string, headers: Record<string, string> = {}) {
  return NextResponse.json(
    { error: { type, code, message } },
    { status, headers: { ...headers, "Request-Id": `req_${randomBytes(12).toString("base64url")}`, "Cache-Control": "no-store" } },
  );
}

// Unknown /api/v1 paths and methods answer with the API's JSON error object, not an HTML page
// or an empty 405, so integrations always get something they can read.
function routeApiRequest(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const allowed = allowedMethods(pathname);
  if (!allowed) {
    return jsonError(404, "not_found", "route_not_found", `There is no ${pathname} in the API. See /docs/api for the routes.`);
  }
  if (!allowed.includes(request.method)) {
    return jsonError(405, "invalid_request_error", "method_not_allowed", `${pathname} does not accept ${request.method}; it accepts ${allowed.join(", ")}.`, {
      Allow: allowed.join(", "),
    });
  }
  return NextResponse.next();
}

// The other security headers are in next.config.mjs; HSTS depends on the URL the server runs at.
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const response = pathname === "/api/v1" || pathname.startsWith("/api/v1/") ? routeApiRequest(request) : NextResponse.next();
  const hsts = strictTransportSecurity();
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

// Static build assets excepted: pages and API answers carry HSTS, and assets are served often.
export const config = { matcher: "/((?!_next/static|_next/image).*)" };
