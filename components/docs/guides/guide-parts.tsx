import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { CodeBlock } from "../code-block";

export function GuideSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="scroll-mt-4 text-lg font-semibold text-gray-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function Steps({ children }: { children: ReactNode }) {
  return <ol className="list-decimal space-y-2 pl-5">{children}</ol>;
}

export function Note({ children }: { children: ReactNode }) {
  return <p className="rounded-md bg-amber-50 p-3 text-amber-900 ring-1 ring-amber-200">{children}</p>;
}

export function Code({ children }: { children: string }) {
  return <CodeBlock>{children}</CodeBlock>;
}

export function DocLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link className="text-indigo-700 underline" href={href}>
      {children}
    </Link>
  );
}

// The first steps every guide shares: a key with the permissions the tool needs, and the
// connection test.
export function CreateKeyStep({ keyName, permissions }: { keyName: string; permissions: string }) {
  return (
    <li>
      In Switchboard, open <DocLink href="/settings/integrations">Profile Settings → Integration Settings</DocLink>, and under API Keys choose{" "}
      <strong>Generate Key</strong>. Name it after the tool (e.g. <em>{keyName}</em>) and give it {permissions}. Copy the key (
      <code>sb_live_…</code>): it is shown only once.
    </li>
  );
}

export function JsonBody({ value }: { value: unknown }) {
  return <Code>{JSON.stringify(value, null, 2)}</Code>;
}
