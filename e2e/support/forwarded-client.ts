// The server the Playwright config starts trusts loopback as a reverse proxy (TRUSTED_PROXIES), so a
// test's X-Forwarded-For names the client address the server records. A separately started
// deployment (E2E_BASE_URL) trusts no proxy unless told to and records the socket's address: there
// a test checks instead that the forwarded (forged) address was not recorded.
export const forwardedAddressTrusted = !process.env.E2E_BASE_URL;
