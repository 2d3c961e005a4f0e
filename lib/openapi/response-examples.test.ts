import { describe, expect, it } from "vitest";
import type { SuccessResponses, SuccessStatus } from "@/lib/api/operation";
import { OPERATIONS } from "@/lib/api/registry";
import { buildOpenApiDocument } from "./document";
import { operationResponses } from "./response-examples";

const document = buildOpenApiDocument("https://switchboard.example", OPERATIONS);

describe("response examples in the reference", () => {
  it("gives every operation at least one success answer with an example, as the document has it", () => {
    for (const operation of OPERATIONS) {
      const { successes } = operationResponses(document, operation);
      expect(successes.length, operation.operationId).toBeGreaterThan(0);
      for (const success of successes) {
        expect(success.example, `${operation.operationId} ${success.status}`).toBeDefined();
        const declared = (operation.responses as SuccessResponses)[Number(success.status) as SuccessStatus];
        expect(success.example).toEqual(declared?.example);
        expect(success.description).toBe(declared?.description);
      }
    }
  });

  it("lists the error statuses of key-authenticated operations and none for public ones", () => {
    const createCall = OPERATIONS.find((operation) => operation.operationId === "createCall")!;
    expect(operationResponses(document, createCall).errorStatuses).toEqual(["400", "401", "403", "404", "409", "429"]);
    const health = OPERATIONS.find((operation) => operation.path === "/api/v1/health")!;
    expect(operationResponses(document, health).errorStatuses).toEqual([]);
  });
});
