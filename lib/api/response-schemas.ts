import { z } from "zod";
import { idPattern } from "@/lib/ids/new-id";
import { API_ERROR_TYPES } from "./errors";

// Schemas of what the API answers. Serializers return their types and the OpenAPI document
// carries them, so an answer that drifts from its documentation fails typecheck.

export const timestampSchema = z.iso.datetime();

// A well-formed id for examples in the document.
export const exampleId = (prefix: string) => `${prefix}_mi4q7x2a0k3v9d2r8s1f6h5j0`;

export function idSchema(prefix: string, description: string) {
  return z.string().regex(idPattern(prefix)).meta({ description });
}

export const errorSchema = z
  .object({
    error: z.object({
      type: z.enum(API_ERROR_TYPES),
      code: z.string().meta({ description: "A stable, machine-readable reason, e.g. revoked_api_key." }),
      message: z.string().meta({ description: "What went wrong and how to fix it, for people." }),
      param: z.string().optional().meta({ description: "The field or header at fault, for invalid_request_error." }),
    }),
  })
  .meta({ id: "Error" });

export type ErrorObject = z.output<typeof errorSchema>;

// Every list answers {object: "list", data, has_more}; `id` names the list's component.
export function listSchema<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      object: z.literal("list"),
      data: z.array(item),
      has_more: z.boolean().meta({ description: "Whether another page follows; pass the last id as starting_after to read it." }),
    })
    .meta({ id });
}

export type List<T> = { object: "list"; data: T[]; has_more: boolean };

export function listExample<T>(item: T): List<T> {
  return { object: "list", data: [item], has_more: false };
}

// The answer to a DELETE.
export function deletedSchema<const O extends string>(object: O, idPrefix: string, id: string) {
  return z.object({ id: idSchema(idPrefix, "The deleted object's id."), object: z.literal(object), deleted: z.literal(true) }).meta({ id });
}

export function deletedAnswer<const O extends string>(object: O, id: string) {
  return { id, object, deleted: true as const };
}
