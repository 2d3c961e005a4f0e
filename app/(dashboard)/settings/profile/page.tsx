import type { Metadata } from "next";
import type { ReactNode } from "react";
import { DeleteAccountDialog } from "@/components/settings/delete-account-dialog";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { ProfileForm } from "@/components/settings/profile-form";
import { SessionsList } from "@/components/settings/sessions-list";
import { TwoFactorSection } from "@/components/settings/two-factor-section";
import { describeDevice } from "@/lib/auth/device";
import { requireSession } from "@/lib/auth/session";
import { listSessions } from "@/lib/auth/sessions";
import { recoveryCodesLeft } from "@/lib/two-factor/two-factor";
import { deleteAccountAction, updateProfileAction } from "./actions";
import {
  beginTwoFactorAction,
  changePasswordAction,
  confirmTwoFactorAction,
  disableTwoFactorAction,
  revokeOtherSessionsAction,
  revokeSessionAction,
} from "./security-actions";

export const metadata: Metadata = { title: "Profile Settings" };

const LAST_SEEN = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function Section({ id, title, description, children }: { id: string; title: string; description?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-gray-200">
      <h2 id={id} className="text-base font-semibold">
        {title}
      </h2>
      {description && <p className="mt-1 text-sm text-gray-600">{description}</p>}
      <div className="mt-4">{children}</div>
    </section>
  );
}

export default async function ProfileSettingsPage() {
  const session = await requireSession();
  const { user } = session;
  const [sessions, codesLeft] = await Promise.all([listSessions(user.id), recoveryCodesLeft(user.id)]);
  const rows = sessions.map((row) => ({
    id: row.id,
    device: describeDevice(row.userAgent),
    ip: row.ip,
    lastSeen: `${LAST_SEEN.format(row.lastSeenAt)} UTC`,
    lastSeenAt: row.lastSeenAt,
    current: row.id === session.id,
  }));
  return (
    <div className="space-y-6">
      <Section id="account-heading" title="Account">
        <dl className="grid max-w-lg grid-cols-[8rem_1fr] gap-y-2 text-sm">
          <dt className="text-gray-500">Name</dt>
          <dd>{user.name}</dd>
          <dt className="text-gray-500">Email</dt>
          <dd>{user.email}</dd>
        </dl>
        <div className="mt-6 max-w-lg">
          <ProfileForm name={user.name} action={updateProfileAction} />
        </div>
      </Section>
      <Section id="password-heading" title="Change password">
        <div className="max-w-lg">
          <ChangePasswordForm action={changePasswordAction} />
        </div>
      </Section>
      <Section
        id="two-factor-heading"
        title="Two-factor authentication"
        description="Asks for a code from your authenticator app at every sign-in, after your password."
      >
        <TwoFactorSection
          enabled={session.twoFactor}
          recoveryCodesLeft={codesLeft}
          actions={{ begin: beginTwoFactorAction, confirm: confirmTwoFactorAction, disable: disableTwoFactorAction }}
        />
      </Section>
      <Section id="sessions-heading" title="Sessions" description="Browsers signed in to your account. Signing one out takes effect on its next request.">
        <SessionsList sessions={rows} revoke={revokeSessionAction} revokeOthers={revokeOtherSessionsAction} />
      </Section>
      <section aria-labelledby="danger-zone-heading" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-red-300">
        <h2 id="danger-zone-heading" className="text-base font-semibold text-red-700">
          Danger zone
        </h2>
        <p className="mt-2 max-w-lg text-sm text-gray-600">
          Deleting your account revokes every API key and erases your calls, contacts, routing rules, webhook endpoints and
          pending deliveries. A record of the deletion and of your keys&apos; history is kept, without your name or email.
        </p>
        <div className="mt-4">
          <DeleteAccountDialog email={user.email} action={deleteAccountAction} />
        </div>
      </section>
    </div>
  );
}
