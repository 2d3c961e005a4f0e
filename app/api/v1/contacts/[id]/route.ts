import { routeHandlers } from "@/lib/api/route-handlers";

export const { GET, PATCH, DELETE } = routeHandlers("/api/v1/contacts/{id}");
