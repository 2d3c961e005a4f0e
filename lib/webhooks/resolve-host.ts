import { Resolver } from "node:dns/promises";

// Webhook hosts are resolved with c-ares (dns.resolve4/resolve6), not dns.lookup: lookup runs
// getaddrinfo on libuv's 4-thread pool, which scrypt sign-ins share, so a few slow DNS servers
// named by webhook URLs could stall sign-ins. c-ares runs on the event loop, with a timeout.
const DNS_TIMEOUT_MS = 3_000;
const PER_TRY_MS = 1_000;

// RFC 6761: localhost names are loopback without asking DNS (c-ares does not read /etc/hosts).
const LOCALHOST_ADDRESSES = ["127.0.0.1", "::1"];
const isLocalhost = (host: string) => host === "localhost" || host.endsWith(".localhost");

// No answer of one family is normal (an IPv4-only host has no AAAA); only these mean "none".
const NO_RECORDS = new Set(["ENODATA", "ENOTFOUND", "ENONAME"]);

async function family(resolver: Resolver, host: string, resolve: "resolve4" | "resolve6"): Promise<string[]> {
  try {
    return await resolver[resolve](host);
  } catch (error) {
    if (NO_RECORDS.has((error as NodeJS.ErrnoException).code ?? "")) return [];
    throw error;
  }
}

// Every A and AAAA address of the host; throws when there is none or DNS does not answer in time.
export async function resolveHostAddresses(host: string, timeoutMs = DNS_TIMEOUT_MS): Promise<string[]> {
  if (isLocalhost(host.toLowerCase())) return LOCALHOST_ADDRESSES;
  const resolver = new Resolver({ timeout: PER_TRY_MS, tries: 2 });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      resolver.cancel();
      reject(new Error(`DNS did not answer for ${host} within ${timeoutMs / 1000} s.`));
    }, timeoutMs);
  });
  try {
    const [v4, v6] = await Promise.race([Promise.all([family(resolver, host, "resolve4"), family(resolver, host, "resolve6")]), deadline]);
    const addresses = [...v4, ...v6];
    if (addresses.length === 0) throw new Error(`${host} has no A or AAAA record.`);
    return addresses;
  } finally {
    clearTimeout(timer);
  }
}
