import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { KeysAttentionBanner } from "@/components/api-keys/keys-attention-banner";
import { buttonClasses } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { keysNeedingAttention } from "@/lib/key-insight/key-queries";
import { LeakedKeysBanner } from "@/components/leaks/leaked-keys-banner";
import { listLeakNotices } from "@/lib/leaks/leak-notices";
import { dismissLeakNoticeAction } from "./leak-notice-actions";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const user = await requireUser();
  const [keysToCheck, leakNotices] = await Promise.all([keysNeedingAttention(user.id), listLeakNotices(user.id)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Welcome, {user.name}</h1>
      <KeysAttentionBanner keys={keysToCheck} />
      <LeakedKeysBanner notices={leakNotices} dismissAction={dismissLeakNoticeAction} />
      <section className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-gray-200">
        <h2 className="text-base font-semibold">Connect your tools</h2>
        <p className="mt-1 max-w-prose text-sm text-gray-600">
          Generate an API key and paste it into Make, Zapier, Hostaway, GHL or your CRM to launch AI calls and
          read call data through the Switchboard API.
        </p>
        <Link href="/settings/integrations" className={buttonClasses("primary", "mt-4")}>
          Go to Integration Settings
        </Link>
      </section>
    </div>
  );
}
