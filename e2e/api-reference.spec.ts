import { expect, test } from "@playwright/test";

test("GET /api/v1/openapi.json is an OpenAPI 3.1 document of the routes, without a key", { tag: ["@api", "@docs"] }, async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const document = await response.json();
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/api/v1/me", "/api/v1/calls", "/api/v1/calls/{id}", "/api/v1/calls/{id}/cancel"]));
  expect(document.paths["/api/v1/calls"].post["x-permission"]).toBe("calls:write");
});

test("a developer reads the API reference: auth, errors, paging, idempotency, limits and a curl per route", { tag: ["@api", "@docs"] }, async ({ page, request }) => {
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  for (const section of ["Authentication", "Errors", "Pagination", "Idempotency", "Rate limits"]) {
    await expect(page.getByRole("heading", { name: section, level: 2 })).toBeVisible();
  }
  const document = await (await request.get("/api/v1/openapi.json")).json();
  for (const [path, methods] of Object.entries(document.paths as Record<string, Record<string, unknown>>)) {
    for (const method of Object.keys(methods)) {
      const operation = page.getByRole("article", { name: `${method.toUpperCase()} ${path}`, exact: true });
      await expect(operation).toBeVisible();
      await expect(operation.locator("pre")).toContainText("Authorization: Bearer $SWITCHBOARD_KEY");
    }
  }
});

test("unknown API paths and methods answer with the JSON error object", { tag: ["@api", "@docs"] }, async ({ request }) => {
  const missing = await request.get("/api/v1/no-such-thing");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error).toMatchObject({ type: "not_found", code: "route_not_found" });
  expect(missing.headers()["request-id"]).toMatch(/^req_/);

  const wrongMethod = await request.delete("/api/v1/calls");
  expect(wrongMethod.status()).toBe(405);
  expect(wrongMethod.headers()["allow"]).toBe("POST, GET, HEAD");
  expect((await wrongMethod.json()).error).toMatchObject({ type: "invalid_request_error", code: "method_not_allowed" });
});
