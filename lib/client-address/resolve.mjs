// Which address a request came from. Plain ESM (typed with JSDoc) because two places need it: the
// HTTP server in front of Next.js (scripts/server.mjs, plain Node), which alone sees the socket,
// and the unit tests. The app itself only reads the header that server sets (client-address.ts).
import { BlockList, isIP } from "node:net";

/**
 * TRUSTED_PROXIES, parsed: nobody (served directly), a fixed number of proxy hops in front of the
 * app, or the addresses/CIDRs of the proxies whose X-Forwarded-For is believed.
 * @typedef {{ kind: "none" } | { kind: "hops", hops: number } | { kind: "list", list: BlockList, entries: string[] }} TrustedProxies
 */

/**
 * "::ffff:203.0.113.9" (how a dual-stack socket reports an IPv4 peer) is 203.0.113.9; zone ids and
 * brackets go; anything that is not an IP address is null.
 * @param {string | null | undefined} value
 * @returns {string | null}
 */
export function normalizeAddress(value) {
  if (!value) return null;
  let address = value.trim();
  if (address.startsWith("[") && address.includes("]")) address = address.slice(1, address.indexOf("]"));
  address = address.replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1];
  const version = isIP(address);
  if (version === 4) return address;
  if (version === 6) return address.toLowerCase();
  return null;
}

/**
 * Parses TRUSTED_PROXIES: empty or unset trusts nobody; a whole number N says N proxies stand in
 * front of the app (the client is the address the outermost one saw); otherwise a comma-separated
 * list of addresses and CIDRs. Throws with a message saying what is wrong.
 * @param {string | undefined} value
 * @returns {TrustedProxies}
 */
export function parseTrustedProxies(value) {
  const text = value?.trim() ?? "";
  if (text === "") return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops === 0 ? { kind: "none" } : { kind: "hops", hops };
  }
  const list = new BlockList();
  const entries = [];
  for (const raw of text.split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const [addressPart, prefixPart, extra] = entry.split("/");
    const address = normalizeAddress(addressPart);
    if (!address || extra !== undefined) throw new Error(`"${entry}" is not an IP address or CIDR`);
    const family = isIP(address) === 4 ? "ipv4" : "ipv6";
    if (prefixPart === undefined) {
      list.addAddress(address, family);
    } else {
      const prefix = Number(prefixPart);
      const max = family === "ipv4" ? 32 : 128;
      if (!/^\d+$/.test(prefixPart) || prefix > max) throw new Error(`"${entry}" has a prefix length outside 0–${max}`);
      list.addSubnet(address, prefix, family);
    }
    entries.push(entry);
  }
  if (entries.length === 0) return { kind: "none" };
  return { kind: "list", list, entries };
}

/**
 * @param {BlockList} list
 * @param {string} address a normalized address
 */
function listed(list, address) {
  return list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address. Served directly (nobody trusted), the socket's peer: whatever the client
 * wrote into X-Forwarded-For is ignored. Behind trusted proxies, X-Forwarded-For is read from the
 * right (each proxy appends the address it saw) for as long as the hop that wrote an entry is
 * trusted; the first address a trusted hop vouches for but that is not itself a trusted proxy is
 * the client. An entry that is not an address stops the walk at the proxy that wrote it.
 * @param {{ remoteAddress: string | null | undefined, forwardedFor: string | string[] | null | undefined, trusted: TrustedProxies }} request
 * @returns {string | null}
 */
export function resolveClientAddress({ remoteAddress, forwardedFor, trusted }) {
  const peer = normalizeAddress(remoteAddress);
  if (trusted.kind === "none" || !peer) return peer;
  const entries = [forwardedFor ?? []]
    .flat()
    .join(",")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Nearest first: the socket's peer, then what each hop says it saw.
  const chain = [peer, ...entries.reverse()];
  if (trusted.kind === "hops") {
    // Fewer entries than hops: the request skipped a proxy, so the farthest one we have is used.
    for (let index = Math.min(trusted.hops, chain.length - 1); index >= 0; index--) {
      const address = normalizeAddress(chain[index]);
      if (address) return address;
    }
    return peer;
  }
  let client = peer;
  for (let index = 1; index < chain.length && listed(trusted.list, client); index++) {
    const next = normalizeAddress(chain[index]);
    if (!next) break;
    client = next;
  }
  return client;
}

/**
 * Expands an IPv6 address into its eight 16-bit groups.
 * @param {string} address
 * @returns {number[]}
 */
function ipv6Groups(address) {
  let text = address;
  const embedded = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (embedded) {
    const [a, b, c, d] = embedded[1].split(".").map(Number);
    text = `${text.slice(0, -embedded[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array(8 - headGroups.length - tailGroups.length).fill("0");
  return [...headGroups, ...fill, ...tailGroups].map((group) => parseInt(group, 16));
}

/**
 * The key per-address throttles count under: an IPv4 address as it is, an IPv6 address as its /64
 * (one customer's network is usually a /64, and any address in it is theirs to pick).
 * @param {string} address
 * @returns {string}
 */
export function throttleBucket(address) {
  const normalized = normalizeAddress(address);
  if (!normalized) return address;
  if (isIP(normalized) === 4) return normalized;
  const prefix = ipv6Groups(normalized)
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(":");
  return `${prefix}::/64`;
}

// The header the server in front of Next.js sets on every request to the address it resolved,
// replacing whatever a client sent under that name.
export const CLIENT_ADDRESS_HEADER = "x-switchboard-client-address";

// Set on globalThis by that server: a request handled without it (e.g. a bare `next start`) has no
// address to trust, rather than one the client wrote.
export const CLIENT_ADDRESS_SERVER = Symbol.for("switchboard.client-address-server");
