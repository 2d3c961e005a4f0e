import { BlockList, isIP } from "node:net";
import { z } from "zod";
import { normalizeAddress } from "@/lib/client-address/resolve.mjs";

export const MAX_ALLOWED_IPS = 50;
const MAX_PROBLEMS_NAMED = 3;

const ENTRY_EXAMPLE = "like 203.0.113.7, 198.51.100.0/24 or 2001:db8::/32";

type ParsedEntry = { ok: true; entry: string } | { ok: false; message: string };

// The RFC 5952 form of an IPv6 address (lower case, longest zero run as "::"), as URL writes it.
function canonical(address: string): string {
  return isIP(address) === 6 ? new URL(`http://[${address}]`).hostname.slice(1, -1) : address;
}

// One entry as the owner wrote it: an address, or an address and a prefix length. An IPv4-mapped
// IPv6 entry (::ffff:198.51.100.7, ::ffff:198.51.100.0/120) is stored as the IPv4 entry it means,
// since client addresses arrive unmapped (lib/client-address).
export function parseAllowedIp(raw: string): ParsedEntry {
  const text = raw.trim();
  const invalid: ParsedEntry = { ok: false, message: `"${text.slice(0, 60)}" is not an IP address or CIDR range (${ENTRY_EXAMPLE}).` };
  const [addressPart, prefixPart, extra] = text.split("/");
  if (extra !== undefined || addressPart.includes("%")) return invalid;
  const address = normalizeAddress(addressPart);
  if (!address) return invalid;
  if (prefixPart === undefined) return { ok: true, entry: canonical(address) };
  const writtenAsIpv6 = addressPart.includes(":");
  const max = writtenAsIpv6 ? 128 : 32;
  const prefix = Number(prefixPart);
  if (!/^\d{1,3}$/.test(prefixPart) || prefix > max) {
    return { ok: false, message: `"${text.slice(0, 60)}": the prefix length after "/" must be 0–${max} for an ${writtenAsIpv6 ? "IPv6" : "IPv4"} range.` };
  }
  if (writtenAsIpv6 && isIP(address) === 4) {
    if (prefix < 96) return { ok: false, message: `"${text.slice(0, 60)}": an IPv4-mapped range needs a prefix length of 96–128; write it as an IPv4 range instead.` };
    return { ok: true, entry: `${address}/${prefix - 96}` };
  }
  return { ok: true, entry: `${canonical(address)}/${prefix}` };
}

// The "Allowed IP addresses" field and the API's allowed_ips: one entry per line or comma-separated
// (or a list), normalized and deduplicated; empty means any address. Each bad entry is named.
export const allowedIpsSchema = z
  .union([z.string().max(10_000, "Too much text for an IP allowlist."), z.array(z.string().max(100)).max(1_000)], {
    error: "Allowed IP addresses must be text, one address or range per line.",
  })
  .optional()
  .transform((value, context) => {
    const raw = (typeof value === "string" ? value.split(/[\s,]+/) : (value ?? [])).map((entry) => entry.trim()).filter(Boolean);
    const entries: string[] = [];
    const problems: string[] = [];
    for (const item of raw) {
      const parsed = parseAllowedIp(item);
      if (!parsed.ok) problems.push(parsed.message);
      else if (!entries.includes(parsed.entry)) entries.push(parsed.entry);
    }
    // One message, as a form shows one per field: the first few bad entries, and how many more.
    if (problems.length > 0) {
      const more = problems.length - MAX_PROBLEMS_NAMED;
      context.addIssue({
        code: "custom",
        message: [...problems.slice(0, MAX_PROBLEMS_NAMED), ...(more > 0 ? [`${more} more ${more === 1 ? "entry is" : "entries are"} not valid either.`] : [])].join(" "),
      });
      return entries;
    }
    if (entries.length > MAX_ALLOWED_IPS) {
      context.addIssue({ code: "custom", message: `A key allows at most ${MAX_ALLOWED_IPS} IP addresses or ranges (this list has ${entries.length}).` });
    }
    return entries;
  });

// A key's allowlist, compiled for matching.
export type Allowlist = { readonly entries: readonly string[]; allows(address: string | null): boolean };

export const ANY_ADDRESS: Allowlist = { entries: [], allows: () => true };

// A stored value that is not a list of valid entries (only a hand-edited row could hold one)
// admits nobody: an allowlist fails closed, as damaged scopes grant nothing.
const DAMAGED: Allowlist = { entries: [], allows: () => false };

function compile(entries: string[]): Allowlist {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split("/");
    const family = isIP(address) === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  // BlockList matches IPv4 rules against IPv4-mapped IPv6 clients (and back) by itself; an
  // unknown address (no trusted server in front) can never be shown to be on the list.
  return {
    entries,
    allows(address) {
      const normalized = normalizeAddress(address);
      if (!normalized) return false;
      return list.check(normalized, isIP(normalized) === 4 ? "ipv4" : "ipv6");
    },
  };
}

const storedSchema = z.array(z.string()).max(MAX_ALLOWED_IPS).nullable();

// The column as Prisma reads it (parsed JSON).
export function allowlistOf(stored: unknown): Allowlist {
  const parsed = storedSchema.safeParse(stored);
  if (!parsed.success) return DAMAGED;
  if (!parsed.data || parsed.data.length === 0) return ANY_ADDRESS;
  const entries = parsed.data;
  const normalized = (item: string) => {
    const entry = parseAllowedIp(item);
    return entry.ok && entry.entry === item;
  };
  return entries.every(normalized) ? compile(entries) : DAMAGED;
}

// Every authenticated request reads the key row, allowlist as JSON text; the same text compiles
// to the same list, so it is compiled once and kept (bounded: the oldest compiled list goes first).
const MAX_CACHED = 1_000;
const cache = new Map<string, Allowlist>();

export function allowlistOfText(text: string | null): Allowlist {
  if (text === null || text === "null" || text === "[]") return ANY_ADDRESS;
  const cached = cache.get(text);
  if (cached) return cached;
  let allowlist: Allowlist;
  try {
    allowlist = allowlistOf(JSON.parse(text));
  } catch {
    allowlist = DAMAGED;
  }
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(text, allowlist);
  return allowlist;
}

export function cachedAllowlistCount(): number {
  return cache.size;
}
