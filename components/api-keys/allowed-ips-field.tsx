import { TextAreaField } from "@/components/ui/field";

// The "Allowed IP addresses" field allowedIpsSchema reads, in Generate Key and the edit dialog.
export function AllowedIpsField({ error, defaultValue }: { error?: string; defaultValue?: string }) {
  return (
    <TextAreaField
      label="Allowed IP addresses (optional)"
      name="allowedIps"
      rows={3}
      defaultValue={defaultValue}
      placeholder={"203.0.113.7\n198.51.100.0/24\n2001:db8::/32"}
      hint="One address or CIDR range per line (or comma-separated), IPv4 or IPv6, up to 50. Leave empty to allow any address."
      spellCheck={false}
      autoComplete="off"
      className="font-mono"
      error={error}
    />
  );
}
