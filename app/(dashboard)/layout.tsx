import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { SudoProvider } from "@/components/auth/sudo-dialog";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { requireSession } from "@/lib/auth/session";
import { currentThemePreference } from "@/lib/theme/current-theme";
import { signOut } from "./sign-out-action";
import { confirmIdentityAction } from "./sudo-actions";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { user, twoFactor } = await requireSession();
  const theme = await currentThemePreference();
  return (
    <div className="min-h-screen">
      <header className="border-b border-gray-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
          <nav aria-label="Main" className="flex flex-wrap items-center gap-x-6 gap-y-2 text-sm font-medium">
            <Link href="/" className="text-base font-bold tracking-tight text-indigo-700">
              Switchboard
            </Link>
            <Link href="/calls" className="text-gray-700 hover:text-gray-900">
              Calls
            </Link>
            <Link href="/contacts" className="text-gray-700 hover:text-gray-900">
              Contacts
            </Link>
            <Link href="/routing" className="text-gray-700 hover:text-gray-900">
              Routing
            </Link>
            <Link href="/logs" className="text-gray-700 hover:text-gray-900">
              Logs
            </Link>
            <Link href="/settings/profile" className="text-gray-700 hover:text-gray-900">
              Profile Settings
            </Link>
            <Link href="/docs/api" className="text-gray-700 hover:text-gray-900">
              API reference
            </Link>
          </nav>
          <div className="flex items-center gap-3 text-sm text-gray-600">
            <ThemeToggle initial={theme} />
            <span>{user.email}</span>
            <SignOutButton action={signOut} />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-5xl px-4 py-8">
        <SudoProvider confirm={confirmIdentityAction} twoFactor={twoFactor}>
          {children}
        </SudoProvider>
      </main>
    </div>
  );
}
