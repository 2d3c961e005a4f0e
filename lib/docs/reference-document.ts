import { OPERATIONS } from "@/lib/api/registry";
import { publicUrl } from "@/lib/env";
import { buildOpenApiDocument } from "@/lib/openapi/document";

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

// The document /api/v1/openapi.json serves, built once per process (the operations and the public
// URL are fixed while it runs); the reference reads its response examples from it.
export function referenceDocument() {
  document ??= buildOpenApiDocument(publicUrl(), OPERATIONS);
  return document;
}
