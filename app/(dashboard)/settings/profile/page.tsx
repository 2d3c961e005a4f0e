import type { Metadata } from "next";
import { ProfileForm } from "@/components/settings/profile-form";
import { requireUser } from "@/lib/auth/session";
import { updateProfileAction } from "./actions";

export const metadata: Metadata = { title: "Profile Settings" };

export default async function ProfileSettingsPage() {
  const user = await requireUser();
  return (
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
  );
}
