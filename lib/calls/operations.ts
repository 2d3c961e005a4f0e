import { defineOperation } from "@/lib/api/operation";
import { createCallSchema, listCallsQuerySchema } from "./schemas";

export const createCallOperation = defineOperation({
  method: "POST",
  path: "/api/v1/calls",
  tag: "Calls",
  summary: "Launch a call",
  description:
    "Queues an outbound AI call. With the built-in simulator it moves queued → ringing → in_progress → completed over a few seconds; numbers ending 0000 end no_answer, 0001 failed.",
  permission: "calls:write",
  body: createCallSchema,
  success: { status: 201, description: "The call, queued." },
  example: { to: "+14155550123", agent: "Booking assistant", variables: { first_name: "Ada" } },
});

export const listCallsOperation = defineOperation({
  method: "GET",
  path: "/api/v1/calls",
  tag: "Calls",
  summary: "List calls",
  description: "Newest first.",
  permission: "calls:read",
  query: listCallsQuerySchema,
  success: { status: 200, description: "A list of calls." },
});

export const getCallOperation = defineOperation({
  method: "GET",
  path: "/api/v1/calls/{id}",
  tag: "Calls",
  summary: "Retrieve a call",
  description: "Status, duration, transcript and summary of one call.",
  permission: "calls:read",
  idPrefix: "call",
  success: { status: 200, description: "The call." },
});

export const cancelCallOperation = defineOperation({
  method: "POST",
  path: "/api/v1/calls/{id}/cancel",
  tag: "Calls",
  summary: "Cancel a call",
  description: "Only a queued or ringing call can be canceled; otherwise 409.",
  permission: "calls:write",
  idPrefix: "call",
  success: { status: 200, description: "The canceled call." },
});
