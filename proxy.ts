import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { routeRejection } from "@/lib/api/route-table";

// Requests no /api/v1 route can take answer with the API's JSON error object, so integrations
// always get something they can read.
export function proxy(request: NextRequest) {
  const rejection = routeRejection(request.nextUrl.pathname, request.method);
  if (!rejection) return NextResponse.next();
  return NextResponse.json(
    { error: rejection.error },
    {
      status: rejection.status,
      headers: { ...rejection.headers, "Request-Id": `req_${randomBytes(12).toString("base64url")}`, "Cache-Control": "no-store" },
    },
  );
}

export const config = { matcher: "/api/v1/:path*" };
