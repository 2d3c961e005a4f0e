import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OPERATIONS } from "./registry";

const API_ROOT = path.resolve(import.meta.dirname, "../../app/api/v1");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

// app/api/v1/calls/[id]/cancel/route.ts → /api/v1/calls/{id}/cancel
function routeFiles(): { file: string; path: string }[] {
  return (readdirSync(API_ROOT, { recursive: true }) as string[])
    .filter((entry) => path.basename(entry) === "route.ts")
    .map((entry) => {
      const folder = path.dirname(entry) === "." ? "" : `/${path.dirname(entry).split(path.sep).join("/")}`;
      return { file: path.join(API_ROOT, entry), path: `/api/v1${folder.replace(/\[(\w+)\]/g, "{$1}")}` };
    });
}

const declared = (routePath: string) => OPERATIONS.filter((operation) => operation.path === routePath).map((operation) => operation.method as string);

describe("the operation registry", () => {
  const files = routeFiles();

  it("finds the route files", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it("registers every route file under app/api/v1", () => {
    const unregistered = files.filter((route) => declared(route.path).length === 0).map((route) => route.path);
    expect(unregistered, "route files with no operation in lib/api/registry.ts").toEqual([]);
  });

  it("has a route file for every registered operation", () => {
    const paths = new Set(files.map((route) => route.path));
    const missing = OPERATIONS.filter((operation) => !paths.has(operation.path)).map((operation) => `${operation.method} ${operation.path}`);
    expect(missing, "registered operations that no route file serves").toEqual([]);
  });

  it("has each route file export exactly the methods the registry declares for its path", async () => {
    for (const route of files) {
      const routeModule = (await import(route.file)) as Record<string, unknown>;
      const exported = Object.keys(routeModule).filter((name) => HTTP_METHODS.includes(name));
      expect(exported.toSorted(), route.path).toEqual(declared(route.path).toSorted());
      for (const method of exported) expect(typeof routeModule[method], `${method} ${route.path}`).toBe("function");
    }
  });

  it("declares each method and path once, with a unique operationId", () => {
    const keys = OPERATIONS.map((operation) => `${operation.method} ${operation.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    const ids = OPERATIONS.map((operation) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
