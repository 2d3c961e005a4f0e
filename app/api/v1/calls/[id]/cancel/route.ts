import { withApiKey } from "@/lib/api/with-api-key";
import { cancelCall } from "@/lib/calls/calls";
import { cancelCallOperation } from "@/lib/calls/operations";
import { serializeCall } from "@/lib/calls/serialize-call";

// POST /api/v1/calls/{id}/cancel: stop a call that has not been answered yet.
export const POST = withApiKey(cancelCallOperation, async ({ accountId, params }) =>
  Response.json(serializeCall(await cancelCall(accountId, params.id))),
);
