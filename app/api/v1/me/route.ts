import { withApiKey } from "@/lib/api/with-api-key";
import { getMe } from "@/lib/api-keys/operations";
import { serializeAccount } from "@/lib/api-keys/serialize-account";

// GET /api/v1/me: who this key belongs to; the connection test for Make and Zapier.
export const GET = withApiKey(getMe, async ({ apiKey }) => Response.json(serializeAccount(apiKey)));
