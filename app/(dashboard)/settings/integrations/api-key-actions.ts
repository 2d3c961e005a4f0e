"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requestOrigin } from "@/lib/actions/request-origin";
import { validatedActionWithUser, validatedSudoActionWithUser } from "@/lib/actions/validated-action";
import { createApiKey, revokeApiKey, rollApiKey, setApiKeyAllowedIps } from "@/lib/api-keys/api-keys";
import { apiKeyIdSchema, createApiKeySchema, rollApiKeySchema, setAllowedIpsSchema } from "@/lib/api-keys/schemas";

const INTEGRATIONS_PATH = "/settings/integrations";

export const createApiKeyAction = validatedSudoActionWithUser(createApiKeySchema, async (input, user) => {
  const { secret, apiKey } = await createApiKey(user.id, input, await requestOrigin());
  revalidatePath(INTEGRATIONS_PATH);
  return { data: { secret, name: apiKey.name } };
});

// No revalidatePath: the roll dialog refreshes the list when it closes (see RollKeyDialog).
export const rollApiKeyAction = validatedSudoActionWithUser(rollApiKeySchema, async ({ keyId, grace }, user) => {
  const rolled = await rollApiKey(user.id, keyId, grace, await requestOrigin());
  if (!rolled) return { error: "This API key does not exist or was already rolled or deleted." };
  return { data: { secret: rolled.secret, name: rolled.apiKey.name } };
});

export const deleteApiKeyAction = validatedActionWithUser(z.object({ keyId: apiKeyIdSchema }), async ({ keyId }, user) => {
  const revoked = await revokeApiKey(user.id, keyId, await requestOrigin());
  if (!revoked) return { error: "This API key does not exist or was already deleted." };
  revalidatePath(INTEGRATIONS_PATH);
  return { data: true };
});

// Sudo, like creating a key: widening an allowlist opens a key to more of the internet.
export const setAllowedIpsAction = validatedSudoActionWithUser(setAllowedIpsSchema, async ({ keyId, allowedIps }, user) => {
  const changed = await setApiKeyAllowedIps(user.id, keyId, allowedIps, await requestOrigin());
  if (!changed) return { error: "This API key does not exist or was deleted." };
  revalidatePath(INTEGRATIONS_PATH);
  return { data: allowedIps };
});
