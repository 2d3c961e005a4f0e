import { routeHandlers } from "@/lib/api/route-handlers";

// POST /api/v1/secret-scanning/github: GitHub secret scanning reports leaked keys (signed).
export const { POST } = routeHandlers("/api/v1/secret-scanning/github");
