import { expect, test } from "@playwright/test";
import { accountWithKeys } from "./support/keys";
import { hardeningPort, startProductionServer } from "./support/server";

// Cloud metadata and link-local addresses in the notations an attacker would try.
const REFUSED = [
  "http://169.254.169.254/latest/meta-data/",
  "http://169.254.1.1/",
  "http://[fe80::1]/",
  "http://[fd00:ec2::254]/latest/meta-data/",
  "http://100.100.100.200/latest/meta-data/",
  "http://192.0.0.192/opc/v2/instance/",
  "http://168.63.129.16/machine",
  "http://[::ffff:169.254.169.254]/",
  "http://[::ffff:a9fe:a9fe]/",
  "http://[0:0:0:0:0:ffff:a9fe:a9fe]/",
  "http://[::ffff:6464:64c8]/",
  "http://[::ffff:c000:c0]/",
  "http://[::ffff:a83f:8110]/",
  "http://[64:ff9b::a9fe:a9fe]/",
  "http://[2002:a9fe:a9fe::]/",
  "http://0xa9fea9fe/",
  "http://2852039166/",
  "http://0251.0376.0251.0376/",
];

test("link-local and cloud-metadata webhook URLs are refused even with WEBHOOK_ALLOW_PRIVATE_URLS=true", async ({ browser, request }) => {
  const server = await startProductionServer({ port: hardeningPort(9), env: { WEBHOOK_ALLOW_PRIVATE_URLS: "true" } });
  try {
    const { keys } = await accountWithKeys(browser, server.baseURL, { key: {} });
    const headers = { Authorization: `Bearer ${keys.key}` };
    const api = `${server.baseURL}/api/v1`;

    // Loopback is allowed in this mode: the refusals below are about metadata, not the mode.
    const allowed = await request.post(`${api}/webhook-endpoints`, { headers, data: { url: "http://127.0.0.1:9/hook", events: ["ping"] } });
    expect(allowed.status()).toBe(201);
    const endpointId = (await allowed.json()).id;

    for (const url of REFUSED) {
      for (const response of [
        await request.post(`${api}/webhook-endpoints`, { headers, data: { url, events: ["ping"] } }),
        await request.patch(`${api}/webhook-endpoints/${endpointId}`, { headers, data: { url } }),
      ]) {
        expect(response.status(), url).toBe(400);
        const { error } = await response.json();
        expect(error, url).toMatchObject({ type: "invalid_request_error", code: "unsafe_url", param: "url" });
        expect(error.message, url).toMatch(/link-local or cloud-metadata/);
      }
    }

    // A hostname that does not resolve is refused without guessing at addresses.
    const unresolvable = await request.post(`${api}/webhook-endpoints`, { headers, data: { url: "http://metadata.invalid/hook", events: ["ping"] } });
    expect(unresolvable.status()).toBe(400);
    expect((await unresolvable.json()).error.message).toMatch(/^url: The host metadata\.invalid could not be resolved\.$/);

    const list = await (await request.get(`${api}/webhook-endpoints`, { headers })).json();
    expect(list.data.map((endpoint: { url: string }) => endpoint.url)).toEqual(["http://127.0.0.1:9/hook"]);
  } finally {
    await server.stop();
  }
});
