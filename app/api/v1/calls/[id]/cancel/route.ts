import { withApiKey } from "@/lib/api/with-api-key";
import { cancelCall } from "@/lib/calls/calls";
import { cancelCallOperation } from "@/lib/calls/operations";
import { serializeCallForKey } from "@/lib/calls/serialize-call-for-key";

// POST /api/v1/calls/{id}/cancel: stop a call that has not been answered yet.
export const POST = withApiKey(cancelCallOperation, async ({ accountId, apiKey, params }) =>
  Response.json(serializeCallForKey(await cancelCall(accountId, params.id), apiKey)),
);
