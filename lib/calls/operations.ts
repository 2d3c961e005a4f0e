import { defineOperation, response } from "@/lib/api/operation";
import { toList } from "@/lib/api/pagination";
import { listExample } from "@/lib/api/response-schemas";
import { cancelCall, createCall, getCall, listCalls } from "./calls";
import { CALL_EXAMPLE, callListSchema, callSchema, createCallSchema, listCallsQuerySchema } from "./schemas";
import { serializeCallForKey } from "./serialize-call-for-key";

const callResponse = (description: string, example = CALL_EXAMPLE) => response({ description, schema: callSchema, example });

export const createCallOperation = defineOperation({
  method: "POST",
  path: "/api/v1/calls",
  operationId: "createCall",
  tag: "Calls",
  summary: "Launch a call",
  description:
    "Queues an outbound AI call. With the built-in simulator it moves queued → ringing → in_progress → completed over a few seconds; numbers ending 0000 end no_answer, 0001 failed.",
  permission: "calls:write",
  body: createCallSchema,
  responses: {
    201: callResponse("The call, queued.", {
      ...CALL_EXAMPLE,
      status: "queued",
      duration_seconds: null,
      transcript: null,
      summary: null,
      ringing_at: null,
      answered_at: null,
      ended_at: null,
    }),
  },
  example: { to: "+14155550123", agent: "Booking assistant", variables: { first_name: "Ada" } },
  handler: async ({ accountId, apiKey, body }) => ({ status: 201, body: serializeCallForKey(await createCall(accountId, apiKey.id, body), apiKey) }),
});

export const listCallsOperation = defineOperation({
  method: "GET",
  path: "/api/v1/calls",
  operationId: "listCalls",
  tag: "Calls",
  summary: "List calls",
  description: "Newest first.",
  permission: "calls:read",
  query: listCallsQuerySchema,
  responses: { 200: response({ description: "A list of calls.", schema: callListSchema, example: listExample(CALL_EXAMPLE) }) },
  handler: async ({ accountId, apiKey, query }) => ({
    status: 200,
    body: toList(await listCalls(accountId, query), query.limit, (call) => serializeCallForKey(call, apiKey)),
  }),
});

export const getCallOperation = defineOperation({
  method: "GET",
  path: "/api/v1/calls/{id}",
  operationId: "getCall",
  tag: "Calls",
  summary: "Retrieve a call",
  description: "Status, duration, transcript and summary of one call.",
  permission: "calls:read",
  idPrefix: "call",
  responses: { 200: callResponse("The call.") },
  handler: async ({ accountId, apiKey, params }) => ({ status: 200, body: serializeCallForKey(await getCall(accountId, params.id), apiKey) }),
});

export const cancelCallOperation = defineOperation({
  method: "POST",
  path: "/api/v1/calls/{id}/cancel",
  operationId: "cancelCall",
  tag: "Calls",
  summary: "Cancel a call",
  description: "Only a queued or ringing call can be canceled; otherwise 409.",
  permission: "calls:write",
  idPrefix: "call",
  responses: {
    200: callResponse("The canceled call.", { ...CALL_EXAMPLE, status: "canceled", duration_seconds: null, transcript: null, summary: null, answered_at: null }),
  },
  handler: async ({ accountId, apiKey, params }) => ({ status: 200, body: serializeCallForKey(await cancelCall(accountId, params.id), apiKey) }),
});

// This feature's endpoints, in the order the reference presents them.
export const callOperations = [createCallOperation, listCallsOperation, getCallOperation, cancelCallOperation] as const;
