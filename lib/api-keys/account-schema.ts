import { z } from "zod";
import { timestampSchema } from "@/lib/api/response-schemas";
import { LEVELS, RESOURCES } from "./permissions";

// The account object GET /api/v1/me answers with: who the key belongs to, and the key itself.
export const accountSchema = z
  .object({
    object: z.literal("account"),
    id: z.string().meta({ description: "The account's id." }),
    email: z.string(),
    name: z.string(),
    api_key: z.object({
      id: z.string(),
      name: z.string(),
      display: z.string().meta({ description: "The key's visible beginning and end, e.g. sb_live_Ab…x9Z1; never the key." }),
      created_at: timestampSchema,
      expires_at: timestampSchema.nullable(),
      permissions: z
        .object(Object.fromEntries(RESOURCES.map((resource) => [resource, z.enum(LEVELS)])) as Record<(typeof RESOURCES)[number], z.ZodEnum<{ [L in (typeof LEVELS)[number]]: L }>>)
        .meta({ description: "The key's level per resource: none, read or write." }),
      allowed_ips: z
        .array(z.string())
        .meta({ description: "The IP addresses and CIDR ranges the key may be used from, normalized; empty means any address." }),
    }),
  })
  .meta({ id: "Account" });

export type AccountObject = z.output<typeof accountSchema>;

export const ACCOUNT_EXAMPLE: AccountObject = {
  object: "account",
  id: "cmi4q7x2a0000k3v9d2r8s1f6h",
  email: "ada@example.com",
  name: "Ada Lovelace",
  api_key: {
    id: "cmi4q7x2a0001k3v9d2r8s1f6h",
    name: "Zapier",
    display: "sb_live_Ab…x9Z1",
    created_at: "2026-11-30T09:00:00.000Z",
    expires_at: null,
    permissions: { calls: "write", contacts: "write", routing: "write", webhooks: "write" },
    allowed_ips: ["203.0.113.7", "198.51.100.0/24"],
  },
};

