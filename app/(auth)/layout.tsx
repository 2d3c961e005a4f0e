import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm space-y-6">
        <p className="text-center text-lg font-bold tracking-tight text-indigo-700">Switchboard</p>
        <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-gray-200">{children}</div>
      </div>
    </main>
  );
}
