import type { Metadata } from "next";
import { DeleteAccountDialog } from "@/components/settings/delete-account-dialog";
import { ProfileForm } from "@/components/settings/profile-form";
import { requireUser } from "@/lib/auth/session";
import { deleteAccountAction, updateProfileAction } from "./actions";

export const metadata: Metadata = { title: "Profile Settings" };

export default async function ProfileSettingsPage() {
  const user = await requireUser();
  return (
    <div className="space-y-6">
      <section aria-labelledby="account-heading" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-gray-200">
        <h2 id="account-heading" className="text-base font-semibold">
          Account
        </h2>
        <dl className="mt-4 grid max-w-lg grid-cols-[8rem_1fr] gap-y-2 text-sm">
          <dt className="text-gray-500">Name</dt>
          <dd>{user.name}</dd>
          <dt className="text-gray-500">Email</dt>
          <dd>{user.email}</dd>
        </dl>
        <div className="mt-6 max-w-lg">
          <ProfileForm name={user.name} action={updateProfileAction} />
        </div>
      </section>
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
