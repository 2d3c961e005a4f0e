"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requestOrigin } from "@/lib/actions/request-origin";
import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { ApiKeyLimitError, createApiKey, revokeApiKey, rollApiKey } from "@/lib/api-keys/api-keys";
import { apiKeyIdSchema, createApiKeySchema, rollApiKeySchema } from "@/lib/api-keys/schemas";

const INTEGRATIONS_PATH = "/settings/integrations";

export const createApiKeyAction = validatedActionWithUser(createApiKeySchema, async (input, user) => {
  try {
    const { secret, apiKey } = await createApiKey(user.id, input, await requestOrigin());
    revalidatePath(INTEGRATIONS_PATH);
    return { data: { secret, name: apiKey.name } };
  } catch (error) {
    if (error instanceof ApiKeyLimitError) return { error: error.message };
    throw error;
  }
});

// No revalidatePath: the roll dialog refreshes the list when it closes (see RollKeyDialog).
export const rollApiKeyAction = validatedActionWithUser(rollApiKeySchema, async ({ keyId, grace }, user) => {
  try {
    const rolled = await rollApiKey(user.id, keyId, grace, await requestOrigin());
    if (!rolled) return { error: "This API key does not exist or was already rolled or deleted." };
    return { data: { secret: rolled.secret, name: rolled.apiKey.name } };
  } catch (error) {
    if (error instanceof ApiKeyLimitError) return { error: error.message };
    throw error;
  }
});

export const deleteApiKeyAction = validatedActionWithUser(z.object({ keyId: apiKeyIdSchema }), async ({ keyId }, user) => {
  const revoked = await revokeApiKey(user.id, keyId, await requestOrigin());
  if (!revoked) return { error: "This API key does not exist or was already deleted." };
  revalidatePath(INTEGRATIONS_PATH);
  return { data: true };
});
