import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Toaster } from "@/components/ui/toast";
import { currentThemePreference } from "@/lib/theme/current-theme";
import { themeClass } from "@/lib/theme/theme-preference";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Switchboard", template: "%s · Switchboard" },
  description: "API keys and integrations for AI voice calling.",
};

// Every page is rendered per request: a prerendered page would carry no CSP nonce on its
// scripts, and the browser would refuse to run them (see proxy.ts).
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  const theme = await currentThemePreference();
  return (
    <html lang="en" className={themeClass(theme)}>
      <body className="min-h-screen bg-gray-50 text-gray-900 antialiased">
        {children}
        <Toaster />
      </body>
    </html>
  );
}
