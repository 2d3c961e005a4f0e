import { withApiKey } from "@/lib/api/with-api-key";
import { serializeAccount } from "@/lib/api-keys/serialize-account";

// GET /api/v1/me: who this key belongs to; the connection test for Make and Zapier.
export const GET = withApiKey(async (_request, { apiKey }) => Response.json(serializeAccount(apiKey)));
