import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { routeRejection } from "@/lib/api/route-table";
import { clientAddress } from "@/lib/client-address/client-address";
import { apiRequestRecord, isApiRequestLogged, logApiRequest, startRequestClock } from "@/lib/logging/api-request-log";
import { contentSecurityPolicy, newCspNonce } from "@/lib/http/content-security-policy";
import { strictTransportSecurity } from "@/lib/http/strict-transport-security";

// Requests no /api/v1 route can take answer with the API's JSON error object, so integrations
// always get something they can read.
function routeApiRequest(request: NextRequest) {
  const clock = startRequestClock();
  const rejection = routeRejection(request.nextUrl.pathname, request.method);
  if (!rejection) return NextResponse.next();
  const requestId = `req_${randomBytes(12).toString("base64url")}`;
  // Logged like the requests routes answer; no route template matched (the path itself, which a
  // client typed, is not logged).
  if (isApiRequestLogged(rejection.status)) {
    logApiRequest(
      apiRequestRecord(clock, {
        requestId,
        method: request.method,
        route: null,
        status: rejection.status,
        apiKeyId: null,
        accountId: null,
        errorCode: rejection.error.code,
        clientAddress: clientAddress(request.headers),
      }),
    );
  }
  return NextResponse.json(
    { error: rejection.error },
    { status: rejection.status, headers: { ...rejection.headers, "Request-Id": requestId, "Cache-Control": "no-store" } },
  );
}

// The other security headers are in next.config.mjs; the CSP carries a per-request nonce and HSTS
// depends on the URL the server runs at. Next.js reads the nonce from the request's CSP header
// and puts it on the scripts it renders (pages are rendered per request, see app/layout.tsx).
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const csp = contentSecurityPolicy(newCspNonce());
  // Only pages render scripts, so only they need the nonce on the request; API answers still
  // carry the policy header.
  const forwardWithNonce = () => {
    const headers = new Headers(request.headers);
    headers.set("Content-Security-Policy", csp);
    return NextResponse.next({ request: { headers } });
  };
  const response = pathname === "/api/v1" || pathname.startsWith("/api/v1/") ? routeApiRequest(request) : forwardWithNonce();
  response.headers.set("Content-Security-Policy", csp);
  const hsts = strictTransportSecurity();
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

// Static build assets excepted: pages and API answers carry HSTS, and assets are served often.
export const config = { matcher: "/((?!_next/static|_next/image).*)" };
