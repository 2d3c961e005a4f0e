"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requestOrigin } from "@/lib/actions/request-origin";
import { validatedActionWithUser, validatedSudoActionWithUser } from "@/lib/actions/validated-action";
import { sendTestEvent } from "@/lib/webhooks/dashboard";
import { resendDelivery } from "@/lib/webhooks/deliveries";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  revealWebhookSecret,
  rollWebhookSecret,
  updateWebhookEndpoint,
} from "@/lib/webhooks/endpoints";
import { endpointFormSchema } from "@/lib/webhooks/form-schema";

const INTEGRATIONS_PATH = "/settings/integrations";
const endpointId = z.object({ endpointId: z.string().min(1).max(64) });

function deliveryOutcome(result: Awaited<ReturnType<typeof resendDelivery>>) {
  if (!result) return { delivered: false, summary: "Queued: the delivery worker is sending it." };
  const status = result.statusCode ? `HTTP ${result.statusCode}` : result.error;
  return { delivered: result.succeeded, summary: `${result.succeeded ? "Delivered" : "Failed"}: ${status} in ${result.durationMs} ms` };
}

export const createWebhookEndpointAction = validatedActionWithUser(endpointFormSchema, async ({ url, description, events }, user) => {
  await createWebhookEndpoint(user.id, { url, description, events }, { origin: await requestOrigin() });
  revalidatePath(INTEGRATIONS_PATH);
  return { data: true };
});

export const updateWebhookEndpointAction = validatedActionWithUser(endpointFormSchema, async ({ endpointId, ...input }, user) => {
  if (!endpointId) return { error: "Missing endpoint id." };
  await updateWebhookEndpoint(user.id, endpointId, input, { origin: await requestOrigin() });
  revalidatePath(INTEGRATIONS_PATH);
  return { data: true };
});

export const setWebhookEndpointEnabledAction = validatedActionWithUser(
  endpointId.extend({ enabled: z.enum(["true", "false"]) }),
  async ({ endpointId, enabled }, user) => {
    await updateWebhookEndpoint(user.id, endpointId, { enabled: enabled === "true" }, { origin: await requestOrigin() });
    revalidatePath(INTEGRATIONS_PATH);
    return { data: true };
  },
);

export const deleteWebhookEndpointAction = validatedActionWithUser(endpointId, async ({ endpointId }, user) => {
  await deleteWebhookEndpoint(user.id, endpointId, { origin: await requestOrigin() });
  revalidatePath(INTEGRATIONS_PATH);
  return { data: true };
});

export const revealWebhookSecretAction = validatedSudoActionWithUser(endpointId, async ({ endpointId }, user) => ({
  data: await revealWebhookSecret(user.id, endpointId, { origin: await requestOrigin() }),
}));

export const rollWebhookSecretAction = validatedSudoActionWithUser(endpointId, async ({ endpointId }, user) => ({
  data: await rollWebhookSecret(user.id, endpointId, { origin: await requestOrigin() }),
}));

export const sendTestEventAction = validatedActionWithUser(endpointId, async ({ endpointId }, user) => {
  const outcome = deliveryOutcome(await sendTestEvent(user.id, endpointId));
  revalidatePath(INTEGRATIONS_PATH);
  return { data: outcome };
});

export const resendDeliveryAction = validatedActionWithUser(z.object({ deliveryId: z.string().min(1).max(64) }), async ({ deliveryId }, user) => {
  const result = await resendDelivery(user.id, deliveryId);
  if (!result) return { error: "This delivery does not exist." };
  revalidatePath(INTEGRATIONS_PATH);
  return { data: deliveryOutcome(result) };
});
