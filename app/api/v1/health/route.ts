import { apiRoute } from "@/lib/api/api-route";

// GET /api/v1/health: liveness for load balancers and uptime checks; needs no key.
export const GET = apiRoute(async () => Response.json({ object: "health", status: "ok" }));
