import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { env } from "@/lib/env";
import { aboutField, InvalidInputError } from "@/lib/errors/domain-errors";

// Addresses a webhook must never reach: they would let a URL probe our own network or cloud
// metadata. Loopback and private ranges are allowed only with WEBHOOK_ALLOW_PRIVATE_URLS=true
// (local development and tests); link-local and metadata addresses never are.
const alwaysBlocked = new BlockList();
alwaysBlocked.addSubnet("0.0.0.0", 8, "ipv4");
alwaysBlocked.addSubnet("169.254.0.0", 16, "ipv4"); // link-local, incl. 169.254.169.254 metadata
alwaysBlocked.addSubnet("224.0.0.0", 4, "ipv4"); // multicast
alwaysBlocked.addSubnet("240.0.0.0", 4, "ipv4"); // reserved, broadcast
alwaysBlocked.addAddress("::", "ipv6");
alwaysBlocked.addSubnet("fe80::", 10, "ipv6"); // link-local
alwaysBlocked.addSubnet("ff00::", 8, "ipv6"); // multicast

const privateRanges = new BlockList();
privateRanges.addSubnet("127.0.0.0", 8, "ipv4"); // loopback
privateRanges.addSubnet("10.0.0.0", 8, "ipv4");
privateRanges.addSubnet("172.16.0.0", 12, "ipv4");
privateRanges.addSubnet("192.168.0.0", 16, "ipv4");
privateRanges.addSubnet("100.64.0.0", 10, "ipv4"); // CGNAT, incl. 100.100.100.200 metadata
privateRanges.addSubnet("192.0.0.0", 24, "ipv4");
privateRanges.addSubnet("198.18.0.0", 15, "ipv4"); // benchmarking
privateRanges.addAddress("::1", "ipv6");
privateRanges.addSubnet("fc00::", 7, "ipv6"); // unique local, incl. fd00:ec2::254 metadata

export const allowPrivateUrls = () => env().WEBHOOK_ALLOW_PRIVATE_URLS;

// IPv4 written inside IPv6 (::ffff:10.0.0.1, 64:ff9b::a00:1) is judged as the IPv4 it carries.
function embeddedIpv4(address: string): string | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const [high, low] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

export function forbiddenAddressReason(address: string): string | null {
  const v4 = embeddedIpv4(address);
  const [ip, family] = v4 ? [v4, "ipv4" as const] : [address, isIP(address) === 6 ? ("ipv6" as const) : ("ipv4" as const)];
  if (alwaysBlocked.check(ip, family)) return `${address} is a link-local, metadata or reserved address.`;
  if (!allowPrivateUrls() && privateRanges.check(ip, family)) return `${address} is a loopback or private-network address.`;
  return null;
}

// Refused on save as an invalid `url`; a delivery attempt logs the reason alone (its fieldMessage).
export const unsafeUrl = (reason: string) => new InvalidInputError("unsafe_url", aboutField("url", reason));

// Checks what can be checked without the network: scheme, credentials, literal IPs.
export function checkWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw unsafeUrl("Enter a full URL, like https://hooks.example.com/switchboard.");
  }
  if (url.protocol !== "https:" && !(allowPrivateUrls() && url.protocol === "http:")) {
    throw unsafeUrl("Webhook URLs must use https.");
  }
  if (url.username || url.password) throw unsafeUrl("Webhook URLs cannot contain a user name or password.");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) {
    const reason = forbiddenAddressReason(host);
    if (reason) throw unsafeUrl(`Webhook URLs cannot point at ${reason}`);
  } else if (!allowPrivateUrls() && (host === "localhost" || host.endsWith(".localhost"))) {
    throw unsafeUrl("Webhook URLs cannot point at localhost.");
  }
  return url;
}

// Resolves the host and refuses it if any address is forbidden (on save, and again on send).
export async function checkWebhookUrlResolves(raw: string): Promise<URL> {
  const url = checkWebhookUrl(raw);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) return url;
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true });
  } catch {
    throw unsafeUrl(`The host ${host} could not be resolved.`);
  }
  for (const { address } of addresses) {
    const reason = forbiddenAddressReason(address);
    if (reason) throw unsafeUrl(`Webhook URLs cannot point at ${reason}`);
  }
  return url;
}
