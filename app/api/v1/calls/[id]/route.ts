import { withApiKey } from "@/lib/api/with-api-key";
import { getCall } from "@/lib/calls/calls";
import { getCallOperation } from "@/lib/calls/operations";
import { serializeCall } from "@/lib/calls/serialize-call";

// GET /api/v1/calls/{id}: one call with its transcript and summary.
export const GET = withApiKey(getCallOperation, async ({ accountId, params }) =>
  Response.json(serializeCall(await getCall(accountId, params.id))),
);
