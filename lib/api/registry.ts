import { z } from "zod";
import { accountOperations } from "@/lib/api-keys/operations";
import { callOperations } from "@/lib/calls/operations";
import { contactOperations } from "@/lib/contacts/operations";
import { eventOperations } from "@/lib/events/operations";
import { leakOperations } from "@/lib/leaks/operations";
import { publicUrl } from "@/lib/env";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { routingOperations } from "@/lib/routing/operations";
import { webhookOperations } from "@/lib/webhooks/operations";
import { healthOperation } from "./health";
import { definePublicOperation, response, type Operation } from "./operation";

// Typed by a declared function so the document's operation can list the registry it is part of.
function registeredOperations(): readonly Operation[] {
  return OPERATIONS;
}

let openApiDocument: ReturnType<typeof buildOpenApiDocument> | undefined;

const openApiDocumentOperation = definePublicOperation({
  method: "GET",
  path: "/api/v1/openapi.json",
  operationId: "getOpenApiDocument",
  tag: "Service",
  summary: "This API's OpenAPI document",
  description: "The OpenAPI 3.1 document of every operation, generated from the same declarations the routes run. Needs no key.",
  responses: {
    200: response({
      description: "The OpenAPI 3.1 document.",
      schema: z.record(z.string(), z.unknown()).meta({ id: "OpenApiDocument" }),
      example: { openapi: "3.1.0", info: { title: "Switchboard API", version: "1" }, paths: {} },
    }),
  },
  // Built once per process: the operations and the public URL are fixed while it runs.
  handler: async () => ({ status: 200, body: (openApiDocument ??= buildOpenApiDocument(publicUrl(), registeredOperations())) }),
});

// Every /api/v1 operation, in the order the reference presents them. A feature adds its
// endpoints by declaring them in its lib/<feature>/operations.ts and listing that file's array
// here; route files, the proxy's route table, the OpenAPI document and /docs/api read this.
export const OPERATIONS = [
  ...accountOperations,
  ...callOperations,
  ...contactOperations,
  ...routingOperations,
  ...webhookOperations,
  ...eventOperations,
  ...leakOperations,
  healthOperation,
  openApiDocumentOperation,
] as const;

export type RegisteredOperation = (typeof OPERATIONS)[number];
export type RegisteredPath = RegisteredOperation["path"];
export type MethodsAt<P extends RegisteredPath> = Extract<RegisteredOperation, { path: P }>["method"];
