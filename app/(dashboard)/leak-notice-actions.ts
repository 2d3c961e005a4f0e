"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { apiKeyIdSchema } from "@/lib/api-keys/schemas";
import { dismissLeakNotice } from "@/lib/leaks/leak-notices";

// The leaked-key banner shows on the overview and in Integration Settings.
export const dismissLeakNoticeAction = validatedActionWithUser(z.object({ keyId: apiKeyIdSchema }), async ({ keyId }, user) => {
  if (!(await dismissLeakNotice(user.id, keyId))) return { error: "This notice was already dismissed." };
  revalidatePath("/");
  revalidatePath("/settings/integrations");
  return { data: true };
});
