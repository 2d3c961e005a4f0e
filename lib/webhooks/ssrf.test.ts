import { afterEach, describe, expect, it } from "vitest";
import { resolveHostAddresses } from "./resolve-host";
import { checkWebhookUrl, checkWebhookUrlResolves, embeddedIpv4, forbiddenAddressReason, ipv6Bytes, UnsafeUrlError } from "./ssrf";

afterEach(() => {
  delete process.env.WEBHOOK_ALLOW_PRIVATE_URLS;
});

describe("webhook URL safety", () => {
  const refusedAlways = [
    "169.254.169.254",
    "169.254.1.1",
    "100.100.100.200",
    "192.0.0.192",
    "168.63.129.16",
    "fd00:ec2::254",
    "fe80::1",
    "febf::1",
    "::ffff:169.254.169.254",
    "::ffff:a9fe:a9fe",
    "0:0:0:0:0:ffff:a9fe:a9fe",
    "::ffff:6464:64c8",
    "::ffff:c000:c0",
    "::ffff:a83f:8110",
    "::ffff:0:a9fe:a9fe",
    "64:ff9b::a9fe:a9fe",
    "2002:a9fe:a9fe::1",
    "::169.254.169.254",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::",
    "ff02::1",
  ];
  const refusedUnlessAllowed = [
    "127.0.0.1",
    "127.8.9.10",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "100.64.0.1",
    "192.0.0.8",
    "::1",
    "fd00:ec2::253",
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
    expect(() => checkWebhookUrl("ftp://hooks.example.com/x")).toThrow(UnsafeUrlError);
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

  it("reads IPv6 in every notation, and the IPv4 it carries", () => {
    expect(ipv6Bytes("::1")).toEqual([...Array(15).fill(0), 1]);
    expect(ipv6Bytes("::ffff:1.2.3.4")).toEqual(ipv6Bytes("0:0:0:0:0:ffff:102:304"));
    expect(ipv6Bytes("1.2.3.4")).toBeNull();
    expect(embeddedIpv4("::ffff:a9fe:a9fe")).toBe("169.254.169.254");
    expect(embeddedIpv4("2002:a9fe:a9fe::")).toBe("169.254.169.254");
    expect(embeddedIpv4("::1")).toBeNull();
    expect(embeddedIpv4("2606:4700::1111")).toBeNull();
  });

  it("refuses metadata URLs in every notation even with WEBHOOK_ALLOW_PRIVATE_URLS=true", () => {
    process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";
    for (const url of ["http://[::ffff:a9fe:a9fe]/", "http://[fd00:ec2::254]/", "http://0xa9fea9fe/", "http://2852039166/", "http://100.100.100.200/", "http://[::ffff:168.63.129.16]/"]) {
      expect(() => checkWebhookUrl(url), url).toThrow("link-local or cloud-metadata");
    }
  });

  it("resolves names and refuses one if any of its addresses is forbidden, without naming the address", async () => {
    const answers = (addresses: string[]) => async () => addresses;
    const refusal = checkWebhookUrlResolves("https://rebind.example/x", answers(["93.184.216.34", "10.0.0.5"]));
    await expect(refusal).rejects.toThrow("rebind.example resolves to a loopback or private-network address");
    await expect(checkWebhookUrlResolves("https://rebind.example/x", answers(["93.184.216.34", "10.0.0.5"]))).rejects.not.toThrow("10.0.0.5");
    process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";
    await expect(checkWebhookUrlResolves("https://meta.example/x", answers(["169.254.169.254"]))).rejects.toThrow(
      /^url: Webhook URLs cannot point at meta\.example resolves to a link-local or cloud-metadata address\.$/,
    );
    await expect(checkWebhookUrlResolves("https://hooks.example/x", answers(["93.184.216.34"]))).resolves.toBeInstanceOf(URL);
    const failing = async () => {
      throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    };
    await expect(checkWebhookUrlResolves("https://nowhere.example/x", failing)).rejects.toThrow("could not be resolved");
  });

  it("resolves localhost names to loopback without DNS, and gives up on DNS within the timeout", async () => {
    expect(await resolveHostAddresses("localhost")).toEqual(["127.0.0.1", "::1"]);
    expect(await resolveHostAddresses("api.localhost")).toEqual(["127.0.0.1", "::1"]);
    const started = Date.now();
    await expect(resolveHostAddresses("no-such-host.invalid", 500)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
