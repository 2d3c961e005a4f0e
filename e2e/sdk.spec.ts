import { createSwitchboardClient, dataOrThrow, SwitchboardApiError } from "@switchboard/sdk";
import { expect, test } from "./support/api-account";
import { unreachableWebhookUrl } from "./support/webhook-inbox";

// Well-formed, valid checksum, never issued: fails authentication at the database lookup.
const UNKNOWN_KEY = "sb_live_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA24LCL1";

// integrations/sdk as an integration runs it: Node's own fetch straight to the server, nothing of
// Playwright in between. (The other API specs send it through the `request` fixture instead.)
test.describe("the TypeScript SDK", { tag: ["@api", "@sdk"] }, () => {
  test("authenticates with either header and says whose key it is", async ({ apiKey, baseURL }) => {
    for (const header of ["bearer", "x-api-key"] as const) {
      const api = createSwitchboardClient({ baseUrl: baseURL!, apiKey: apiKey.secret, header });
      const me = await dataOrThrow(api.GET("/api/v1/me"));
      expect(me).toMatchObject({ object: "account", api_key: { id: apiKey.id } });
    }
  });

  test("a failed answer becomes a SwitchboardApiError carrying the API's error object", async ({ apiKey, baseURL }) => {
    const api = createSwitchboardClient({ baseUrl: baseURL!, apiKey: apiKey.secret });
    const missing = await dataOrThrow(api.GET("/api/v1/calls/{id}", { params: { path: { id: `call_${"0".repeat(25)}` } } })).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(SwitchboardApiError);
    expect(missing).toMatchObject({ status: 404, type: "not_found_error", code: "resource_missing", param: "id", requestId: expect.stringMatching(/^req_/) });

    const stranger = createSwitchboardClient({ baseUrl: baseURL!, apiKey: UNKNOWN_KEY, header: "x-api-key" });
    const refused = await dataOrThrow(stranger.GET("/api/v1/me")).catch((error: unknown) => error);
    expect(refused).toMatchObject({ name: "SwitchboardApiError", status: 401, type: "authentication_error", code: "invalid_api_key" });
    expect((refused as Error).message).toContain("Integration Settings");
  });

  test("a POST repeated with its Idempotency-Key replays the first answer", async ({ apiKey, baseURL }) => {
    const api = createSwitchboardClient({ baseUrl: baseURL!, apiKey: apiKey.secret });
    const launch = () =>
      api.POST("/api/v1/calls", { body: { to: "+14155550123", metadata: { source: "sdk" } }, params: { header: { "Idempotency-Key": `sdk-${apiKey.id}` } } });
    const first = await launch();
    const repeat = await launch();
    expect([first.response.status, repeat.response.status]).toEqual([201, 201]);
    expect(repeat.response.headers.get("Idempotent-Replayed")).toBe("true");
    expect(repeat.data).toEqual(first.data);
  });

  test("manages webhook endpoints: create, list, update and delete", async ({ apiKey, baseURL }) => {
    const api = createSwitchboardClient({ baseUrl: baseURL!, apiKey: apiKey.secret });
    const url = unreachableWebhookUrl("sdk");
    const created = await dataOrThrow(api.POST("/api/v1/webhook-endpoints", { body: { url, events: ["contact.created"], description: "SDK" } }));
    expect(created).toMatchObject({ object: "webhook_endpoint", url, events: ["contact.created"], enabled: true, secret: expect.stringMatching(/^whsec_/) });
    const byId = { params: { path: { id: created.id } } };

    const listed = await dataOrThrow(api.GET("/api/v1/webhook-endpoints", { params: { query: { limit: 100 } } }));
    expect(listed.data.map((endpoint) => endpoint.id)).toContain(created.id);

    const updated = await dataOrThrow(api.PATCH("/api/v1/webhook-endpoints/{id}", { ...byId, body: { enabled: false, events: ["call.completed", "contact.created"] } }));
    expect(updated).toMatchObject({ id: created.id, enabled: false, events: ["call.completed", "contact.created"] });

    expect(await dataOrThrow(api.DELETE("/api/v1/webhook-endpoints/{id}", byId))).toEqual({ id: created.id, object: "webhook_endpoint", deleted: true });
    await expect(dataOrThrow(api.GET("/api/v1/webhook-endpoints/{id}", byId))).rejects.toMatchObject({ status: 404 });
  });

  test("refuses a base URL that already ends in /api/v1", () => {
    expect(() => createSwitchboardClient({ baseUrl: "https://switchboard.example/api/v1/", apiKey: UNKNOWN_KEY })).toThrow("without /api/v1");
  });
});
