import { afterEach, describe, expect, it, vi } from "vitest";

const { lookup } = vi.hoisted(() => ({ lookup: vi.fn() }));
vi.mock("node:dns/promises", () => ({ lookup }));
import { checkWebhookUrl, checkWebhookUrlResolves, forbiddenAddressReason } from "./ssrf";
import { InvalidInputError } from "@/lib/errors/domain-errors";

afterEach(() => {
  delete process.env.WEBHOOK_ALLOW_PRIVATE_URLS;
});

describe("webhook URL safety", () => {
  const refusedAlways = ["169.254.169.254", "169.254.1.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "fe80::1", "::", "ff02::1", "::ffff:169.254.169.254"];
  const refusedUnlessAllowed = [
    "127.0.0.1",
    "127.8.9.10",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "100.64.0.1",
    "100.100.100.200",
    "::1",
    "fd00:ec2::254",
    "fc00::1",
    "::ffff:127.0.0.1",
    "::ffff:a00:1",
  ];

  it.each([...refusedAlways, ...refusedUnlessAllowed])("refuses %s by default", (address) => {
    expect(forbiddenAddressReason(address)).toMatch(/address/);
  });

  it.each(["93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111"])("accepts the public address %s", (address) => {
    expect(forbiddenAddressReason(address)).toBeNull();
  });

  it("with WEBHOOK_ALLOW_PRIVATE_URLS=true allows loopback and private ranges but never metadata or link-local", () => {
    process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";
    for (const address of refusedUnlessAllowed) expect(forbiddenAddressReason(address), address).toBeNull();
    for (const address of refusedAlways) expect(forbiddenAddressReason(address), address).not.toBeNull();
  });

  it("requires https, no credentials, and no literal private hosts", () => {
    expect(() => checkWebhookUrl("http://hooks.example.com/x")).toThrow("must use https");
    expect(() => checkWebhookUrl("ftp://hooks.example.com/x")).toThrow(InvalidInputError);
    // Refused as the url field: a form shows the reason beside it, the API says "url: …".
    expect(() => checkWebhookUrl("ftp://hooks.example.com/x")).toThrow(
      expect.objectContaining({ code: "unsafe_url", field: "url", fieldMessage: "Webhook URLs must use https.", message: "url: Webhook URLs must use https." }),
    );
    expect(() => checkWebhookUrl("not a url")).toThrow("Enter a full URL");
    expect(() => checkWebhookUrl("https://user:pw@hooks.example.com/")).toThrow("user name or password");
    expect(() => checkWebhookUrl("https://127.0.0.1/hook")).toThrow("loopback or private");
    expect(() => checkWebhookUrl("https://[::1]/hook")).toThrow("loopback or private");
    expect(() => checkWebhookUrl("https://169.254.169.254/latest")).toThrow("metadata");
    expect(() => checkWebhookUrl("https://localhost/hook")).toThrow("localhost");
    expect(checkWebhookUrl("https://hooks.example.com/x").hostname).toBe("hooks.example.com");
  });

  it("allows http and localhost only with the development flag", () => {
    process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";
    expect(checkWebhookUrl("http://127.0.0.1:4000/hook").port).toBe("4000");
    expect(checkWebhookUrl("http://localhost:4000/hook").hostname).toBe("localhost");
  });

  it("resolves names and refuses one if any of its addresses is forbidden", async () => {
    lookup.mockResolvedValueOnce([{ address: "93.184.216.34", family: 4 }, { address: "10.0.0.5", family: 4 }]);
    await expect(checkWebhookUrlResolves("https://rebind.example/x")).rejects.toThrow("10.0.0.5 is a loopback or private-network address");
    lookup.mockResolvedValueOnce([{ address: "93.184.216.34", family: 4 }]);
    await expect(checkWebhookUrlResolves("https://hooks.example/x")).resolves.toBeInstanceOf(URL);
    lookup.mockRejectedValueOnce(Object.assign(new Error("not found"), { code: "ENOTFOUND" }));
    await expect(checkWebhookUrlResolves("https://nowhere.example/x")).rejects.toThrow("could not be resolved");
  });
});
