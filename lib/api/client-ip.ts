// The last X-Forwarded-For entry is the address the nearest proxy saw (Next.js fills it from the
// socket when no proxy sent one). Earlier entries are whatever the client claimed, so a throttle
// keyed on them could be dodged, and an audit trail misled, by sending a new one each time.
export function clientIp(forwardedFor: string | null | undefined, realIp?: string | null): string | null {
  return forwardedFor?.split(",").at(-1)?.trim() || realIp?.trim() || null;
}
