import { BlockList, isIP } from "node:net";
import { env } from "@/lib/env";
import { aboutField, InvalidInputError } from "@/lib/errors/domain-errors";
import { resolveHostAddresses } from "./resolve-host";

// Link-local and cloud-metadata addresses: refused in every mode, WEBHOOK_ALLOW_PRIVATE_URLS=true
// included, because a webhook that reaches them can read the cloud instance's credentials.
const metadataAndLinkLocal = new BlockList();
metadataAndLinkLocal.addSubnet("169.254.0.0", 16, "ipv4"); // link-local, incl. 169.254.169.254 (AWS, GCP, Azure…)
metadataAndLinkLocal.addAddress("100.100.100.200", "ipv4"); // Alibaba Cloud metadata
metadataAndLinkLocal.addAddress("192.0.0.192", "ipv4"); // Oracle Cloud metadata
metadataAndLinkLocal.addAddress("168.63.129.16", "ipv4"); // Azure wire server
metadataAndLinkLocal.addSubnet("fe80::", 10, "ipv6"); // link-local
metadataAndLinkLocal.addAddress("fd00:ec2::254", "ipv6"); // AWS metadata over IPv6

// Addresses that are never a real receiver: refused in every mode too.
const reserved = new BlockList();
reserved.addSubnet("0.0.0.0", 8, "ipv4");
reserved.addSubnet("224.0.0.0", 4, "ipv4"); // multicast
reserved.addSubnet("240.0.0.0", 4, "ipv4"); // reserved, broadcast
reserved.addAddress("::", "ipv6");
reserved.addSubnet("ff00::", 8, "ipv6"); // multicast

// Our own and our neighbours' networks: allowed only with WEBHOOK_ALLOW_PRIVATE_URLS=true
// (local development and tests).
const privateRanges = new BlockList();
privateRanges.addSubnet("127.0.0.0", 8, "ipv4"); // loopback
privateRanges.addSubnet("10.0.0.0", 8, "ipv4");
privateRanges.addSubnet("172.16.0.0", 12, "ipv4");
privateRanges.addSubnet("192.168.0.0", 16, "ipv4");
privateRanges.addSubnet("100.64.0.0", 10, "ipv4"); // CGNAT
privateRanges.addSubnet("192.0.0.0", 24, "ipv4"); // IETF protocol assignments
privateRanges.addSubnet("198.18.0.0", 15, "ipv4"); // benchmarking
privateRanges.addAddress("::1", "ipv6");
privateRanges.addSubnet("fc00::", 7, "ipv6"); // unique local

export const allowPrivateUrls = () => env().WEBHOOK_ALLOW_PRIVATE_URLS;

// The 16 bytes of an IPv6 address in any notation ("::", dotted tail), or null if it is not one.
export function ipv6Bytes(address: string): number[] | null {
  if (isIP(address) !== 6) return null;
  let text = address.replace(/%.*$/, "");
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, null];
  const parse = (part: string) => (part ? part.split(":").map((group) => parseInt(group, 16)) : []);
  const headGroups = parse(head);
  const tailGroups = tail === null ? [] : parse(tail);
  const groups = [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill(0), ...tailGroups];
  return groups.flatMap((group) => [group >> 8, group & 255]);
}

const startsWith = (bytes: number[], prefix: number[]) => prefix.every((byte, index) => bytes[index] === byte);
const ZEROS_10 = Array(10).fill(0);

// IPv4 carried inside IPv6 is judged as that IPv4: mapped (::ffff:a9fe:a9fe), translated
// (::ffff:0:a.b.c.d), compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16).
export function embeddedIpv4(address: string): string | null {
  const bytes = ipv6Bytes(address);
  if (!bytes) return null;
  const v4 = (offset: number) => bytes.slice(offset, offset + 4).join(".");
  if (startsWith(bytes, [...ZEROS_10, 0xff, 0xff])) return v4(12);
  if (startsWith(bytes, [0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0])) return v4(12);
  if (startsWith(bytes, [0x00, 0x64, 0xff, 0x9b, ...Array(8).fill(0)])) return v4(12);
  if (startsWith(bytes, [0x20, 0x02])) return v4(2);
  // ::a.b.c.d, but not :: and ::1, which are IPv6's own unspecified and loopback addresses.
  if (startsWith(bytes, [...ZEROS_10, 0, 0]) && bytes.slice(12, 15).some((byte) => byte !== 0)) return v4(12);
  return null;
}

type AddressVerdict = "metadata" | "reserved" | "private";

// Why an address may not receive webhooks in the current mode, or null when it may.
function classifyAddress(address: string): AddressVerdict | null {
  const carried = embeddedIpv4(address);
  const candidates: [string, "ipv4" | "ipv6"][] = [[address, isIP(address) === 6 ? "ipv6" : "ipv4"]];
  if (carried) candidates.push([carried, "ipv4"]);
  const hits = (list: BlockList) => candidates.some(([ip, family]) => list.check(ip, family));
  if (hits(metadataAndLinkLocal)) return "metadata";
  if (hits(reserved)) return "reserved";
  if (!allowPrivateUrls() && hits(privateRanges)) return "private";
  return null;
}

const VERDICT_TEXT: Record<AddressVerdict, string> = {
  metadata: "a link-local or cloud-metadata address",
  reserved: "a reserved or multicast address",
  private: "a loopback or private-network address",
};

// For an address the user typed: naming it tells them nothing new.
export function forbiddenAddressReason(address: string): string | null {
  const verdict = classifyAddress(address);
  return verdict && `${address} is ${VERDICT_TEXT[verdict]}.`;
}

// For a hostname: says what kind of address it resolves to, never which one, so the refusal
// cannot be used to map our internal DNS.
export function forbiddenHostReason(host: string, addresses: string[]): string | null {
  const verdict = addresses.map(classifyAddress).find((found) => found !== null);
  return verdict ? `${host} resolves to ${VERDICT_TEXT[verdict]}.` : null;
}

// An unsafe webhook URL is bad input on the "url" field; `fieldMessage` is the reason alone, for
// the delivery log.
export class UnsafeUrlError extends InvalidInputError {
  constructor(reason: string) {
    super("unsafe_url", aboutField("url", reason));
  }
}

const urlHost = (url: URL) => url.hostname.replace(/^\[|\]$/g, "");

// Checks what can be checked without the network: scheme, credentials, literal IPs.
export function checkWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError("Enter a full URL, like https://hooks.example.com/switchboard.");
  }
  if (url.protocol !== "https:" && !(allowPrivateUrls() && url.protocol === "http:")) {
    throw new UnsafeUrlError("Webhook URLs must use https.");
  }
  if (url.username || url.password) throw new UnsafeUrlError("Webhook URLs cannot contain a user name or password.");
  const host = urlHost(url);
  if (isIP(host)) {
    const reason = forbiddenAddressReason(host);
    if (reason) throw new UnsafeUrlError(`Webhook URLs cannot point at ${reason}`);
  } else if (!allowPrivateUrls() && (host === "localhost" || host.endsWith(".localhost"))) {
    throw new UnsafeUrlError("Webhook URLs cannot point at localhost.");
  }
  return url;
}

// Resolves the host and refuses it if any address is forbidden (on save, and again on send).
export async function checkWebhookUrlResolves(raw: string, resolve = resolveHostAddresses): Promise<URL> {
  const url = checkWebhookUrl(raw);
  const host = urlHost(url);
  if (isIP(host)) return url;
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch {
    throw new UnsafeUrlError(`The host ${host} could not be resolved.`);
  }
  const reason = forbiddenHostReason(host, addresses);
  if (reason) throw new UnsafeUrlError(`Webhook URLs cannot point at ${reason}`);
  return url;
}
