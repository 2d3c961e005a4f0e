import { apiRoute } from "@/lib/api/api-route";
import { buildOpenApiDocument, publicBaseUrl } from "@/lib/openapi/document";

// GET /api/v1/openapi.json: the OpenAPI 3.1 document, generated from the request schemas. Public.
export const GET = apiRoute(async () => Response.json(buildOpenApiDocument(publicBaseUrl())));
