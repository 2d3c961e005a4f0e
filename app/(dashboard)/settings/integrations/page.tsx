import type { Metadata } from "next";
import { ApiKeysSection } from "@/components/api-keys/api-keys-section";
import { LeakedKeysBanner } from "@/components/leaks/leaked-keys-banner";
import { IntegrationGuidesCard } from "@/components/docs/integration-guides-card";
import { WebhooksSection } from "@/components/webhooks/webhooks-section";
import { listApiKeys } from "@/lib/api-keys/api-keys";
import { requireUser } from "@/lib/auth/session";
import { keyListInsight } from "@/lib/key-insight/key-list-insight";
import { listRecentlyLeakedKeys } from "@/lib/leaks/leak-notices";
import { listEndpointsWithLog } from "@/lib/webhooks/dashboard";
import { dismissLeakNoticeAction } from "../../leak-notice-actions";
import { createApiKeyAction, deleteApiKeyAction, rollApiKeyAction, setAllowedIpsAction } from "./api-key-actions";
import {
  createWebhookEndpointAction,
  deleteWebhookEndpointAction,
  resendDeliveryAction,
  revealWebhookSecretAction,
  rollWebhookSecretAction,
  sendTestEventAction,
  setWebhookEndpointEnabledAction,
  updateWebhookEndpointAction,
} from "./webhook-endpoint-actions";

export const metadata: Metadata = { title: "Integration Settings" };

const webhookActions = {
  create: createWebhookEndpointAction,
  update: updateWebhookEndpointAction,
  setEnabled: setWebhookEndpointEnabledAction,
  remove: deleteWebhookEndpointAction,
  reveal: revealWebhookSecretAction,
  roll: rollWebhookSecretAction,
  sendTest: sendTestEventAction,
  resend: resendDeliveryAction,
};

// Sections stack in the order a user sets things up: the guide for their tool, where events go,
// then the keys tools use.
export default async function IntegrationSettingsPage() {
  const user = await requireUser();
  const [endpoints, apiKeys, leakedKeys] = await Promise.all([listEndpointsWithLog(user.id), listApiKeys(user.id), listRecentlyLeakedKeys(user.id)]);
  const insight = await keyListInsight(user.id, apiKeys);
  return (
    <div className="space-y-8">
      <LeakedKeysBanner notices={leakedKeys.filter((key) => !key.dismissed)} dismissAction={dismissLeakNoticeAction} />
      <IntegrationGuidesCard />
      <WebhooksSection endpoints={endpoints} actions={webhookActions} />
      <ApiKeysSection
        apiKeys={apiKeys}
        insight={insight}
        leakedKeys={leakedKeys}
        createAction={createApiKeyAction}
        rollAction={rollApiKeyAction}
        deleteAction={deleteApiKeyAction}
        allowlistAction={setAllowedIpsAction}
      />
    </div>
  );
}
