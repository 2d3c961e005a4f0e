// The integration guides served under /docs/guides, in the order they are listed.
export const GUIDES = [
  { slug: "make", tool: "Make", summary: "Launch calls and read call data with Make's HTTP module, an API Key keychain and has_more paging." },
  { slug: "zapier", tool: "Zapier", summary: "The Switchboard Zapier app, or Webhooks by Zapier with a form-encoded POST." },
  { slug: "ghl", tool: "GoHighLevel (GHL)", summary: "A workflow's Custom Webhook action launches a call; Switchboard's webhooks start a workflow back in GHL." },
  { slug: "hostaway", tool: "Hostaway", summary: "Call guests about their reservations, through Make or Zapier." },
  { slug: "n8n", tool: "n8n", summary: "The HTTP Request node with a Header Auth credential, and a Webhook node that receives Switchboard's events." },
] as const;

export type GuideSlug = (typeof GUIDES)[number]["slug"];

export function guidePath(slug: GuideSlug): string {
  return `/docs/guides/${slug}`;
}
