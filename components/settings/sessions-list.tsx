import { Badge } from "@/components/ui/badge";
import { DATE_TIME, Time } from "@/components/ui/time";
import type { ActionState } from "@/lib/actions/validated-action";
import { SignOutOtherSessionsButton, SignOutSessionButton } from "./session-buttons";
import { ScrollTable } from "@/components/ui/scroll-table";

export type SessionRow = { id: string; device: string; ip: string | null; lastSeen: string; lastSeenAt: Date; current: boolean };

type Action<T> = (formData: FormData) => Promise<ActionState<T>>;

// Active sessions of the account, newest activity first, each with its own Sign out. Rendered on
// the server: only the buttons are client code (session-buttons.tsx).
export function SessionsList({
  sessions,
  revoke,
  revokeOthers,
}: {
  sessions: SessionRow[];
  revoke: Action<boolean>;
  revokeOthers: Action<{ sessionsEnded: number }>;
}) {
  const others = sessions.filter((session) => !session.current).length;
  return (
    <div className="space-y-4">
      <ScrollTable label="Sessions table">
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
                <Time value={session.lastSeenAt} format={DATE_TIME} />
              </td>
              <td className="py-2 text-right">
                {session.current ? (
                  <Badge tone="green">This device</Badge>
                ) : (
                  <SignOutSessionButton
                    sessionId={session.id}
                    accessibleName={`Sign out ${session.device} (${session.ip ?? "unknown"}, last seen ${session.lastSeen})`}
                    revoke={revoke}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </ScrollTable>
      {others > 0 && <SignOutOtherSessionsButton revokeOthers={revokeOthers} />}
    </div>
  );
}
