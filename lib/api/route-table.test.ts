import { describe, expect, it } from "vitest";
import { routeRejection } from "./route-table";

describe("routeRejection", () => {
  it("lets every operation's path and method through, with HEAD wherever GET is", () => {
    expect(routeRejection("/api/v1/calls", "POST")).toBeNull();
    expect(routeRejection("/api/v1/calls/call_x/cancel", "POST")).toBeNull();
    expect(routeRejection("/api/v1/contacts/anything", "PATCH")).toBeNull();
    expect(routeRejection("/api/v1/health", "HEAD")).toBeNull();
    expect(routeRejection("/api/v1/openapi.json", "GET")).toBeNull();
  });

  it("answers an unknown path 404 and a wrong method 405 naming the allowed ones", () => {
    expect(routeRejection("/api/v1/nope", "GET")).toMatchObject({ status: 404, error: { type: "not_found_error", code: "route_not_found" } });
    expect(routeRejection("/api/v1/openapi-json", "GET")?.status).toBe(404);
    expect(routeRejection("/api/v1/calls", "PUT")).toMatchObject({
      status: 405,
      error: { type: "invalid_request_error", code: "method_not_allowed" },
      headers: { Allow: "POST, GET, HEAD" },
    });
    expect(routeRejection("/api/v1/calls/call_x", "OPTIONS")?.status).toBe(405);
  });

  // Next.js cannot decode these into the route's params and answered a bare text 500.
  it.each(["%ZZ", "%", "abc%2", "%C3%28", "%FF", "call_%E2%82"])("answers an id with malformed percent-encoding (%s) 400 invalid_id", (id) => {
    for (const [path, method] of [
      [`/api/v1/calls/${id}`, "GET"],
      [`/api/v1/calls/${id}/cancel`, "POST"],
      [`/api/v1/contacts/${id}`, "PATCH"],
      [`/api/v1/webhook-endpoints/${id}`, "DELETE"],
    ]) {
      expect(routeRejection(path, method)).toMatchObject({ status: 400, error: { type: "invalid_request_error", code: "invalid_id", param: "id" } });
    }
  });

  it("leaves well-encoded ids, however odd, to the route's own validation", () => {
    for (const id of ["%E2%98%83", "..%2F..%2Fme", "%00", "a%20b", "call_%41"]) expect(routeRejection(`/api/v1/calls/${id}`, "GET")).toBeNull();
  });
});
