import { OPERATIONS } from "@/lib/openapi/operations";

// Public routes that are not key-authenticated operations.
const PUBLIC_ROUTES = [
  { path: "/api/v1/health", method: "GET" },
  { path: "/api/v1/openapi.json", method: "GET" },
];

const ROUTES = [...OPERATIONS, ...PUBLIC_ROUTES].reduce((table, { path, method }) => {
  const pattern = new RegExp(`^${path.replace(/[.]/g, "\\.").replace(/\{\w+\}/g, "[^/]+")}/?$`);
  const entry = table.find((route) => route.pattern.source === pattern.source) ?? table[table.push({ pattern, methods: [] }) - 1];
  entry.methods.push(method);
  return table;
}, [] as { pattern: RegExp; methods: string[] }[]);

// The methods a path answers to, or null when no route has that path.
export function allowedMethods(pathname: string): string[] | null {
  const route = ROUTES.find(({ pattern }) => pattern.test(pathname));
  if (!route) return null;
  return route.methods.includes("GET") ? [...route.methods, "HEAD"] : route.methods;
}
