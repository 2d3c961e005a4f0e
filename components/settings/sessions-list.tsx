"use client";

import { useRouter } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { useToast } from "@/components/ui/toast";
import type { ActionState } from "@/lib/actions/validated-action";

export type SessionRow = { id: string; device: string; ip: string | null; lastSeen: string; lastSeenIso: string; current: boolean };

type Action<T> = (formData: FormData) => Promise<ActionState<T>>;

// Active sessions of the account, newest activity first, each with its own Sign out.
export function SessionsList({
  sessions,
  revoke,
  revokeOthers,
}: {
  sessions: SessionRow[];
  revoke: Action<boolean>;
  revokeOthers: Action<{ sessionsEnded: number }>;
}) {
  const router = useRouter();
  const toast = useToast();
  const others = sessions.filter((session) => !session.current).length;
  return (
    <div className="space-y-4">
      <table className="w-full text-left text-sm">
        <thead className="text-gray-500">
          <tr>
            <th scope="col" className="py-2 font-medium">
              Device
            </th>
            <th scope="col" className="py-2 font-medium">
              IP address
            </th>
            <th scope="col" className="py-2 font-medium">
              Last seen
            </th>
            <th scope="col" className="py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {sessions.map((session) => (
            <tr key={session.id}>
              <td className="py-2">{session.device}</td>
              <td className="py-2 font-mono text-xs">{session.ip ?? "unknown"}</td>
              <td className="py-2">
                <time dateTime={session.lastSeenIso}>{session.lastSeen}</time>
              </td>
              <td className="py-2 text-right">
                {session.current ? (
                  <Badge tone="green">This device</Badge>
                ) : (
                  <ActionForm
                    action={revoke}
                    fields={{ sessionId: session.id }}
                    label="Sign out"
                    accessibleName={`Sign out ${session.device} (${session.ip ?? "unknown"}, last seen ${session.lastSeen})`}
                    variant="ghost"
                    onDone={() => {
                      toast("Session signed out");
                      router.refresh();
                    }}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {others > 0 && (
        <ActionForm
          action={revokeOthers}
          fields={{}}
          label="Sign out all other sessions"
          onDone={({ sessionsEnded }) => {
            toast(sessionsEnded === 1 ? "1 other session signed out" : `${sessionsEnded} other sessions signed out`);
            router.refresh();
          }}
        />
      )}
    </div>
  );
}
