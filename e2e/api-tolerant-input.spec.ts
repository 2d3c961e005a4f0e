import { execFile } from "node:child_process";
import { randomInt } from "node:crypto";
import { promisify } from "node:util";
import { expect, expectApiError, test } from "./support/api-account";
import { unreachableWebhookUrl } from "./support/webhook-inbox";

// What Make, Zapier and curl really send: "" and null for empty mapped fields, numbers typed as
// strings, form bodies, phone numbers as people write them. Each is read as documented (README,
// "Input from no-code tools"); anything that still cannot be read is a 400 naming its field.

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

// A number of the 555-01xx range no other test uses, in E.164 and as a person writes it.
function phoneNumber() {
  const line = String(randomInt(100, 200)).padStart(4, "0");
  return { e164: `+1415555${line}`, written: `(415) 555-${line}`, dashed: `415-555-${line}` };
}

// A form body goes out byte for byte, as Zapier's "form" payload or `curl -d` sends it.
const formBody = (fields: string[]) => Buffer.from(fields.join("&"));

test.describe("input as no-code tools send it", { tag: ["@api"] }, () => {
  test("a call launched with \"\" and null optionals, a written number and numeric variables", async ({ request, apiKey }) => {
    const response = await request.post("/api/v1/calls", {
      headers: apiKey.headers,
      data: {
        to: "+1 (415) 555-0123",
        from: null,
        agent: "",
        contact_id: "",
        variables: { first_name: "Ada", age: 36, vip: true },
        metadata: { seats: 3, order: "A-17", missing: null },
      },
    });
    expect(response.status(), await response.text()).toBe(201);
    expect(await response.json()).toMatchObject({
      to: "+14155550123",
      from: expect.stringMatching(/^\+[1-9]\d{6,14}$/),
      agent: null,
      contact_id: null,
      // Stored as strings, as a form body would have sent them; a null entry is left out.
      variables: { first_name: "Ada", age: "36", vip: "true" },
      metadata: { seats: "3", order: "A-17" },
    });
  });

  test("a routing rule with \"priority\": \"1\", updated with strings and with null to clear", async ({ request, apiKey }) => {
    const created = await request.post("/api/v1/routing-rules", {
      headers: apiKey.headers,
      data: { name: "Front desk", priority: "1", action: "agent", target: "Reception", called_number: "(415) 555-0100", caller_prefix: "", schedule: null },
    });
    expect(created.status(), await created.text()).toBe(201);
    const rule = await created.json();
    expect(rule).toMatchObject({ name: "Front desk", priority: 1, called_number: "+14155550100", caller_prefix: null, schedule: null });

    // "" leaves a field as it is; null clears it where the field allows null.
    const updated = await request.patch(`/api/v1/routing-rules/${rule.id}`, { headers: apiKey.headers, data: { priority: "25", name: null, called_number: "" } });
    expect(updated.status(), await updated.text()).toBe(200);
    expect(await updated.json()).toMatchObject({ priority: 25, name: null, called_number: "+14155550100" });
    await request.delete(`/api/v1/routing-rules/${rule.id}`, { headers: apiKey.headers });
  });

  test("form bodies with bracket notation, booleans as strings and ?phone= in a written form", async ({ request, apiKey }) => {
    const phone = phoneNumber();
    const contact = await request.post("/api/v1/contacts", {
      headers: { ...apiKey.headers, ...FORM },
      data: formBody([`phone=${encodeURIComponent(phone.written)}`, "first_name=Ada", "company=", "metadata[plan]=gold", "metadata[seats]=3"]),
    });
    expect(contact.status(), await contact.text()).toBe(201);
    const created = await contact.json();
    expect(created).toMatchObject({ phone: phone.e164, first_name: "Ada", company: null, metadata: { plan: "gold", seats: "3" } });

    const found = await request.get("/api/v1/contacts", { headers: apiKey.headers, params: { phone: phone.dashed } });
    expect(found.status()).toBe(200);
    expect((await found.json()).data.map((row: { id: string }) => row.id)).toEqual([created.id]);

    const url = unreachableWebhookUrl(`tolerant-${randomInt(1e9)}`);
    const endpoint = await request.post("/api/v1/webhook-endpoints", {
      headers: { ...apiKey.headers, ...FORM },
      data: formBody([`url=${encodeURIComponent(url)}`, "description=", "events[]=call.completed", "events[]=call.failed"]),
    });
    expect(endpoint.status(), await endpoint.text()).toBe(201);
    const { id } = await endpoint.json();
    expect(await endpoint.json()).toMatchObject({ url, description: null, events: ["call.completed", "call.failed"] });

    const paused = await request.patch(`/api/v1/webhook-endpoints/${id}`, { headers: apiKey.headers, data: { enabled: "false", events: ["call.completed"] } });
    expect(paused.status(), await paused.text()).toBe(200);
    expect(await paused.json()).toMatchObject({ enabled: false, events: ["call.completed"] });
    await request.delete(`/api/v1/webhook-endpoints/${id}`, { headers: apiKey.headers });
    await request.delete(`/api/v1/contacts/${created.id}`, { headers: apiKey.headers });
  });

  test("curl -d form fields create a contact", async ({ request, apiKey, baseURL }) => {
    const phone = phoneNumber();
    // The README's example: curl sends -d fields as application/x-www-form-urlencoded, unencoded.
    const { stdout } = await promisify(execFile)("curl", [
      "--silent",
      "--show-error",
      "--write-out",
      "\n%{http_code}",
      `${baseURL}/api/v1/contacts`,
      "-H",
      `Authorization: Bearer ${apiKey.secret}`,
      "-d",
      `phone=${phone.dashed}`,
      "-d",
      "first_name=Ada",
      "-d",
      "last_name=",
      "-d",
      "metadata[plan]=gold",
      "-d",
      "metadata[seats]=3",
    ]);
    const [body, status] = [stdout.slice(0, stdout.lastIndexOf("\n")), stdout.slice(stdout.lastIndexOf("\n") + 1)];
    expect(status, body).toBe("201");
    const { id } = JSON.parse(body);
    // Read back through the checked request context: the stored contact as the API answers it.
    const stored = await request.get(`/api/v1/contacts/${id}`, { headers: apiKey.headers });
    expect(await stored.json()).toMatchObject({ phone: phone.e164, first_name: "Ada", last_name: null, metadata: { plan: "gold", seats: "3" } });
    await request.delete(`/api/v1/contacts/${id}`, { headers: apiKey.headers });
  });

  test("what cannot be read is still a 400 naming its field", async ({ request, apiKey }) => {
    const post = (path: string, data: unknown, headers: Record<string, string> = {}) =>
      request.post(path, { headers: { ...apiKey.headers, ...headers }, data });
    const refusals: [() => ReturnType<typeof post>, string, string][] = [
      [() => post("/api/v1/calls", { to: "+14155550123", callback_url: "" }), "unknown_parameter", "callback_url"],
      [() => post("/api/v1/calls", formBody(["to=%2B14155550123", "metadata[plan=gold"]), FORM), "unknown_parameter", "metadata[plan"],
      [() => post("/api/v1/calls", { to: "call me" }), "invalid_parameter", "to"],
      [() => post("/api/v1/calls", { to: "415-555-0123 ext. 9" }), "invalid_parameter", "to"],
      [() => post("/api/v1/calls", { to: "+14155550123", metadata: { plan: { tier: "gold" } } }), "invalid_parameter", "metadata.plan"],
      [() => post("/api/v1/routing-rules", { priority: "high", action: "agent", target: "Reception" }), "invalid_parameter", "priority"],
      [() => post("/api/v1/routing-rules", { priority: "1", action: "", target: "Reception" }), "invalid_parameter", "action"],
      [() => post("/api/v1/routing-rules", formBody(["action=agent", "target=Reception", "priority=1.5"]), FORM), "invalid_parameter", "priority"],
    ];
    for (const [send, code, param] of refusals) await expectApiError(await send(), 400, { code, param });
    await expectApiError(await request.get("/api/v1/contacts", { headers: apiKey.headers, params: { phone: "12" } }), 400, { code: "invalid_parameter", param: "phone" });
    await expectApiError(await post("/api/v1/calls", Buffer.from("to=%2B14155550123"), { "Content-Type": "text/plain" }), 400, { code: "unsupported_content_type" });
  });
});
