import { apiContract, validating } from "./support/api-contract";
import { expect, test } from "./support/test";

test("GET /api/v1/openapi.json is an OpenAPI 3.1 document of the routes, without a key", { tag: ["@api", "@docs"] }, async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const document = await response.json();
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/api/v1/me", "/api/v1/calls", "/api/v1/calls/{id}", "/api/v1/calls/{id}/cancel"]));
  expect(document.paths["/api/v1/calls"].post["x-permission"]).toBe("calls:write");
});

test("a developer reads the API reference: auth, errors, paging, idempotency, limits and a curl per route", { tag: ["@api", "@docs"] }, async ({ page, request }) => {
  // Two checks for each of the ~27 operations of a long page (with response examples): 15–27 s on
  // a loaded machine, past the default timeout when it is overloaded.
  test.slow();
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  for (const section of ["Authentication", "Errors", "Pagination", "Idempotency", "Rate limits"]) {
    await expect(page.getByRole("heading", { name: section, level: 2 })).toBeVisible();
  }
  const document = await (await request.get("/api/v1/openapi.json")).json();
  for (const [path, methods] of Object.entries(document.paths as Record<string, Record<string, { security?: unknown[] }>>)) {
    for (const [method, described] of Object.entries(methods)) {
      const operation = page.getByRole("article", { name: `${method.toUpperCase()} ${path}`, exact: true });
      await expect(operation).toBeVisible();
      const curl = expect(operation.locator("pre").first());
      // Public operations (security: []) need no key.
      await (described.security?.length === 0 ? curl.not : curl).toContainText("Authorization: Bearer $SWITCHBOARD_KEY");
    }
  }
});

test("unknown API paths and methods answer with the JSON error object", { tag: ["@api", "@docs"] }, async ({ request }) => {
  const missing = await request.get("/api/v1/no-such-thing");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error).toMatchObject({ type: "not_found_error", code: "route_not_found" });
  expect(missing.headers()["request-id"]).toMatch(/^req_/);

  const wrongMethod = await request.delete("/api/v1/calls");
  expect(wrongMethod.status()).toBe(405);
  expect(wrongMethod.headers()["allow"]).toBe("POST, GET, HEAD");
  expect((await wrongMethod.json()).error).toMatchObject({ type: "invalid_request_error", code: "method_not_allowed" });
});

test("the e2e client refuses an answer the document does not describe", async ({ playwright, baseURL }) => {
  const raw = await playwright.request.newContext({ baseURL });
  const document = await (await raw.get("/api/v1/openapi.json")).json();
  // A document that promises a field the health answer lacks, and does not list 503 anywhere.
  document.components.schemas.Health.required.push("version");
  const strict = validating(raw, apiContract(document));
  await expect(strict.get("/api/v1/health")).rejects.toThrow(/GET \/api\/v1\/health → 200: body does not match the documented schema/);
  // Statuses the operation does not document fail too.
  delete document.paths["/api/v1/me"].get.responses["401"];
  await expect(validating(raw, apiContract(document)).get("/api/v1/me")).rejects.toThrow(/status 401 is not documented for getMe/);
  await raw.dispose();
});
