import { defineOperation, response } from "@/lib/api/operation";
import { ACCOUNT_EXAMPLE, accountSchema } from "./account-schema";
import { serializeAccount } from "./serialize-account";

export const getMeOperation = defineOperation({
  method: "GET",
  path: "/api/v1/me",
  operationId: "getMe",
  tag: "Account",
  summary: "Who this key belongs to",
  description: "The connection test for Make and Zapier: the account and the key used. Needs no permission.",
  responses: { 200: response({ description: "The account object, with the key that authenticated.", schema: accountSchema, example: ACCOUNT_EXAMPLE }) },
  handler: async ({ apiKey }) => ({ status: 200, body: serializeAccount(apiKey) }),
});

// This feature's endpoints.
export const accountOperations = [getMeOperation] as const;
