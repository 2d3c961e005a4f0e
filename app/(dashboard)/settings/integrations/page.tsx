import type { Metadata } from "next";
import { ApiKeysSection } from "@/components/api-keys/api-keys-section";
import { listApiKeys } from "@/lib/api-keys/api-keys";
import { requireUser } from "@/lib/auth/session";
import { createApiKeyAction, deleteApiKeyAction, rollApiKeyAction } from "./actions";

export const metadata: Metadata = { title: "Integration Settings" };

// Sections stack in the order a user sets things up; Webhook Integration goes above API Keys.
export default async function IntegrationSettingsPage() {
  const user = await requireUser();
  const apiKeys = await listApiKeys(user.id);
  return (
    <div className="space-y-8">
      <ApiKeysSection
        apiKeys={apiKeys}
        createAction={createApiKeyAction}
        rollAction={rollApiKeyAction}
        deleteAction={deleteApiKeyAction}
      />
    </div>
  );
}
