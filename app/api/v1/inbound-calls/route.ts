import { withApiKey } from "@/lib/api/with-api-key";
import { recordInboundCall } from "@/lib/calls/inbound";
import { serializeCallForKey } from "@/lib/calls/serialize-call-for-key";
import { createInboundCallOperation } from "@/lib/routing/operations";

// POST /api/v1/inbound-calls: a call arrives; the account's routing rules decide who answers.
export const POST = withApiKey(createInboundCallOperation, async ({ accountId, apiKey, body }) =>
  Response.json(serializeCallForKey(await recordInboundCall(accountId, apiKey.id, body), apiKey), { status: 201 }),
);
