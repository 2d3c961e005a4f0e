import { test as base } from "@playwright/test";
import { loadApiContract, validating, type ApiContract } from "./api-contract";

// The test every spec uses: its `request` checks each /api/v1 answer against the served
// OpenAPI document (see api-contract.ts), and `apiContract` does the same for other contexts.
export const test = base.extend<object, { apiContract: ApiContract }>({
  apiContract: [
    async ({ playwright }, provide, workerInfo) => {
      const context = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL });
      await provide(await loadApiContract(context));
      await context.dispose();
    },
    { scope: "worker" },
  ],
  request: async ({ request, apiContract }, provide) => {
    await provide(validating(request, apiContract));
  },
});

export { expect } from "@playwright/test";
