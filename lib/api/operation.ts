import type { z } from "zod";
import type { Permission } from "@/lib/api-keys/permissions";

// One description of an /api/v1 operation: withApiKey enforces it and the OpenAPI document is
// generated from it, so the reference cannot drift from what the route accepts.
export type Operation<B extends z.ZodType | undefined = z.ZodType | undefined, Q extends z.ZodType | undefined = z.ZodType | undefined> = {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: `/api/v1/${string}`;
  summary: string;
  description?: string;
  tag: string;
  permission?: Permission;
  // Prefix of the object id in the path's {id}, e.g. "call".
  idPrefix?: string;
  body?: B;
  query?: Q;
  success: { status: 200 | 201; description: string };
  // Request body for the curl example in the reference.
  example?: Record<string, unknown>;
};

export function defineOperation<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  operation: Operation<B, Q>,
): Operation<B, Q> {
  return operation;
}
