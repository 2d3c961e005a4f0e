import { z } from "zod";
import { ApiKeyAccess } from "@/lib/generated/prisma/enums";
import { ACCESS_LABELS, LEVEL_LABELS, LEVELS, RESOURCE_LABELS, RESOURCES, type Access, type Level, type Resource } from "./choices";

export { ACCESS_LABELS, LEVEL_LABELS, LEVELS, RESOURCE_LABELS, RESOURCES, type Access, type Level, type Resource };

export type Permission = `${Resource}:${"read" | "write"}`;
export type Scopes = Record<Resource, Level>;

// What the Generate Key form sends: a preset, plus one level per resource when restricted.
export const permissionFields = {
  access: z.enum(ApiKeyAccess, { error: "Choose the key's permissions." }).default("full"),
  calls: z.enum(LEVELS, { error: "Choose None, Read or Write." }).default("none"),
  contacts: z.enum(LEVELS, { error: "Choose None, Read or Write." }).default("none"),
  routing: z.enum(LEVELS, { error: "Choose None, Read or Write." }).default("none"),
  webhooks: z.enum(LEVELS, { error: "Choose None, Read or Write." }).default("none"),
};

export type PermissionsInput = { access: Access } & Scopes;

export function grantsSomething(input: PermissionsInput): boolean {
  return input.access !== "restricted" || RESOURCES.some((resource) => input[resource] !== "none");
}

export const RESTRICTED_NEEDS_ONE = "A restricted key needs at least one permission.";

// A key's permissions as stored: the preset, and one level per resource for a restricted key.
export type StoredPermissions = { access: Access; scopes: Scopes | null };

export function storePermissions(input: Partial<PermissionsInput>): StoredPermissions {
  if (input.access !== "restricted") return { access: input.access ?? "full", scopes: null };
  const scopes = Object.fromEntries(RESOURCES.map((resource) => [resource, input[resource] ?? "none"])) as Scopes;
  return { access: "restricted", scopes };
}

function all(level: Level): Scopes {
  return Object.fromEntries(RESOURCES.map((r) => [r, level])) as Scopes;
}

const storedLevel = z.enum(LEVELS).catch("none");

// Stored scopes (a Json column) as the app reads them. A missing, unknown or damaged level grants
// nothing, and so does a value that is not a map: a key must never gain access by a damaged row.
export const storedScopesSchema = z
  .object({ calls: storedLevel, contacts: storedLevel, routing: storedLevel, webhooks: storedLevel } satisfies Record<Resource, unknown>)
  .nullable()
  .catch(() => all("none"));

// What a key may do: its preset, or its own levels when restricted.
export function scopesOf({ access, scopes }: StoredPermissions): Scopes {
  if (access === "full") return all("write");
  if (access === "read") return all("read");
  return scopes ?? all("none");
}

export function allows(scopes: Scopes, permission: Permission): boolean {
  const [resource, needed] = permission.split(":") as [Resource, "read" | "write"];
  const granted = scopes[resource];
  return granted === "write" || (granted === "read" && needed === "read");
}

// "Full access", "Read only", or one part per resource for a restricted key.
export function permissionParts(stored: StoredPermissions): string[] {
  if (stored.access === "full" || stored.access === "read") return [ACCESS_LABELS[stored.access]];
  const scopes = scopesOf(stored);
  return RESOURCES.map((r) => `${RESOURCE_LABELS[r]}: ${LEVEL_LABELS[scopes[r]]}`);
}

export function describePermissions(stored: StoredPermissions): string {
  return permissionParts(stored).join(" · ");
}
