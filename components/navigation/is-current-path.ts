// A nav link is current on its own page and on every page under it (a key's page under
// /settings/integrations belongs to Integration Settings); "/" only on itself.
export function isCurrentPath(pathname: string, section: string): boolean {
  if (section === "/") return pathname === "/";
  return pathname === section || pathname.startsWith(`${section}/`);
}
