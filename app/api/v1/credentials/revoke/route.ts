import { routeHandlers } from "@/lib/api/route-handlers";

// POST /api/v1/credentials/revoke: anyone revokes exposed keys; always the same 202.
export const { POST } = routeHandlers("/api/v1/credentials/revoke");
