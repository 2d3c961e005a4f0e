import type { Operation } from "@/lib/api/operation";
import type { buildOpenApiDocument } from "./document";

type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
type DocumentedResponse = { description: string; content?: { "application/json"?: { example?: unknown } } };

export type ResponseExample = { status: string; description: string; example: unknown };
export type OperationResponses = { successes: ResponseExample[]; errorStatuses: string[] };

// Read from the OpenAPI document rather than from the declarations directly, so the reference
// shows exactly what the served document promises (and what the e2e client validates against).
export function operationResponses(document: OpenApiDocument, operation: Operation): OperationResponses {
  const item = document.paths[operation.path]?.[operation.method.toLowerCase()] as { responses: Record<string, DocumentedResponse> } | undefined;
  if (!item) throw new Error(`${operation.method} ${operation.path} is not in the OpenAPI document`);
  const entries = Object.entries(item.responses);
  return {
    successes: entries
      .filter(([status]) => status.startsWith("2"))
      .map(([status, response]) => ({ status, description: response.description, example: response.content?.["application/json"]?.example })),
    errorStatuses: entries.filter(([status]) => !status.startsWith("2")).map(([status]) => status),
  };
}
