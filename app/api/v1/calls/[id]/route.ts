import { withApiKey } from "@/lib/api/with-api-key";
import { getCall } from "@/lib/calls/calls";
import { getCallOperation } from "@/lib/calls/operations";
import { serializeCallForKey } from "@/lib/calls/serialize-call-for-key";

// GET /api/v1/calls/{id}: one call with its transcript and summary.
export const GET = withApiKey(getCallOperation, async ({ accountId, apiKey, params }) =>
  Response.json(serializeCallForKey(await getCall(accountId, params.id), apiKey)),
);
