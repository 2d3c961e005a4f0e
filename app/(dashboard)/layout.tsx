import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { SudoProvider } from "@/components/auth/sudo-dialog";
import { MainNav } from "@/components/navigation/main-nav";
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
          <MainNav />
          <div className="flex min-w-0 max-w-full items-center gap-3 text-sm text-gray-600">
            <ThemeToggle initial={theme} />
            <span className="min-w-0 truncate">{user.email}</span>
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
