import { apiRoute, type RouteContext } from "./api-route";
import type { Operation } from "./operation";
import { parseBody, parseRequestInput, readBodyText } from "./request-input";
import { OPERATIONS, type MethodsAt, type RegisteredPath } from "./registry";
import { withApiKey } from "./with-api-key";

export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;

// A public operation with a body reads it once as text: verifyBody (a signature check) sees the
// exact bytes, and only then is it parsed and validated like any /api/v1 body.
function publicRoute(operation: Operation): RouteHandler {
  return apiRoute(operation.path, async (request) => {
    let body: unknown;
    if (operation.body) {
      const bodyText = await readBodyText(request);
      await operation.verifyBody?.(request, bodyText);
      const parsed = parseBody(bodyText, request.headers.get("content-type"));
      body = parseRequestInput(operation.body, parsed.value, parsed.source);
    }
    const reply = await operation.handler({ request, query: undefined, body } as never);
    return Response.json(reply.body, { status: reply.status });
  });
}

// The Next.js route handlers of one path, one per registered method:
//   export const { GET, POST } = routeHandlers("/api/v1/calls");
// Destructuring a method the registry does not declare for that path fails typecheck.
export function routeHandlers<P extends RegisteredPath>(path: P): Record<MethodsAt<P>, RouteHandler> {
  const handlers: Record<string, RouteHandler> = {};
  for (const operation of OPERATIONS as readonly Operation[]) {
    if (operation.path !== path) continue;
    handlers[operation.method] = operation.access === "public" ? publicRoute(operation) : withApiKey(operation);
  }
  return handlers as Record<MethodsAt<P>, RouteHandler>;
}
