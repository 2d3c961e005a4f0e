import { z } from "zod";
import { definePublicOperation, response } from "./operation";

const healthSchema = z.object({ object: z.literal("health"), status: z.literal("ok") }).meta({ id: "Health" });

export const healthOperation = definePublicOperation({
  method: "GET",
  path: "/api/v1/health",
  operationId: "getHealth",
  tag: "Service",
  summary: "Health check",
  description: "Liveness for load balancers and uptime checks; needs no key.",
  responses: { 200: response({ description: "The server is up.", schema: healthSchema, example: { object: "health", status: "ok" } }) },
  handler: async () => ({ status: 200, body: { object: "health", status: "ok" } as const }),
});
