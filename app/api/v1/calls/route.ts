import { toList } from "@/lib/api/pagination";
import { withApiKey } from "@/lib/api/with-api-key";
import { createCall, listCalls } from "@/lib/calls/calls";
import { createCallOperation, listCallsOperation } from "@/lib/calls/operations";
import { serializeCallForKey } from "@/lib/calls/serialize-call-for-key";

// POST /api/v1/calls: launch an outbound AI call.
export const POST = withApiKey(createCallOperation, async ({ accountId, apiKey, body }) =>
  Response.json(serializeCallForKey(await createCall(accountId, apiKey.id, body), apiKey), { status: 201 }),
);

// GET /api/v1/calls: the account's calls, newest first.
export const GET = withApiKey(listCallsOperation, async ({ accountId, apiKey, query }) =>
  Response.json(toList(await listCalls(accountId, query), query.limit, (call) => serializeCallForKey(call, apiKey))),
);
