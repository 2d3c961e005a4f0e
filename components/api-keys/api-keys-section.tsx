import { Link } from "@/components/ui/link";
import { DATE_TIME, Time } from "@/components/ui/time";
import { Sparkline } from "@/components/usage/sparkline";
import type { KeyAttention } from "@/lib/key-insight/key-attention";
import type { KeyListInsight } from "@/lib/key-insight/key-list-insight";
import type { ActionState } from "@/lib/actions/validated-action";
import type { ApiKeySummary } from "@/lib/api-keys/summary";
import type { LeakedKey } from "@/lib/leaks/leak-notices";
import { permissionParts } from "@/lib/api-keys/permissions";
import { AllowedIpsCell } from "./allowed-ips-cell";
import { AttentionBadge } from "./attention-badge";
import { DeleteKeyDialog } from "./delete-key-dialog";
import { GenerateKeyDialog } from "./generate-key-dialog";
import { RollKeyDialog } from "./roll-key-dialog";
import type { CreatedKey } from "./show-secret-once";
import { ScrollTable } from "@/components/ui/scroll-table";

type KeyAction<T> = (formData: FormData) => Promise<ActionState<T>>;

function AttentionBadges({ attention }: { attention: KeyAttention[] }) {
  return attention.map((item) => (
    <span key={item.kind} className="ml-2">
      <AttentionBadge attention={item} />
    </span>
  ));
}

function WeeklyRequests({ values }: { values: number[] }) {
  const total = values.reduce((sum, value) => sum + value, 0);
  return <Sparkline values={values} label={`${total} ${total === 1 ? "request" : "requests"} in the last 7 days`} />;
}

// A restricted key's label gets one line per resource; the separators stay in the text.
function PermissionsLabel({ apiKey }: { apiKey: ApiKeySummary }) {
  return permissionParts(apiKey).map((part, index) => (
    <span key={part} className="block whitespace-nowrap">
      {index > 0 && <span className="sr-only"> · </span>}
      {part}
    </span>
  ));
}

export function ApiKeysSection({
  apiKeys,
  insight,
  createAction,
  rollAction,
  deleteAction,
  leakedKeys = [],
  allowlistAction,
}: {
  apiKeys: ApiKeySummary[];
  insight: Map<string, KeyListInsight>;
  // Keys revoked as leaked in the last 30 days, listed after the live keys so the owner sees why one went.
  leakedKeys?: LeakedKey[];
  createAction: KeyAction<CreatedKey>;
  rollAction: KeyAction<CreatedKey>;
  deleteAction: KeyAction<boolean>;
  allowlistAction: KeyAction<readonly string[]>;
}) {
  return (
    <section aria-labelledby="api-keys-heading" className="rounded-lg bg-white shadow-sm ring-1 ring-gray-200">
      <div className="flex flex-wrap items-start justify-between gap-4 p-6">
        <div>
          <h2 id="api-keys-heading" className="text-base font-semibold">
            API Keys
          </h2>
          <p className="mt-1 max-w-prose text-sm text-gray-600">
            Keys let Make, Zapier, Hostaway, GHL or your CRM call the Switchboard API on your behalf. Send a key as{" "}
            <code className="rounded bg-gray-100 px-1">Authorization: Bearer &lt;key&gt;</code>.
          </p>
        </div>
        <GenerateKeyDialog action={createAction} />
      </div>
      {apiKeys.length === 0 && leakedKeys.length === 0 ? (
        <p className="border-t border-gray-200 px-6 py-10 text-center text-sm text-gray-600">
          No API keys yet. Generate one to connect your first tool.
        </p>
      ) : (
        <ScrollTable label="API keys table" className="border-t border-gray-200">
          <table className="min-w-full text-left text-sm">
            <thead className="whitespace-nowrap bg-gray-50 text-xs uppercase tracking-wide text-gray-500">
              <tr>
                <th scope="col" className="py-3 pl-6 pr-4 font-medium">Name</th>
                <th scope="col" className="px-4 py-3 font-medium">Key</th>
                <th scope="col" className="px-4 py-3 font-medium">Permissions</th>
                <th scope="col" className="px-4 py-3 font-medium">Created</th>
                <th scope="col" className="px-4 py-3 font-medium">Last used</th>
                <th scope="col" className="px-4 py-3 font-medium">Expires</th>
                <th scope="col" className="px-4 py-3 font-medium">Allowed IPs</th>
                <th scope="col" className="px-4 py-3 font-medium">Last 7 days</th>
                <th scope="col" className="px-4 py-3 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-200">
              {apiKeys.map((apiKey) => (
                <tr key={apiKey.id}>
                  <th scope="row" className="py-3 pl-6 pr-4 font-medium text-gray-900">
                    <Link href={`/settings/integrations/keys/${apiKey.id}`} className="text-indigo-700 hover:underline">
                      {apiKey.name}
                    </Link>
                    {apiKey.rolledToId && <span className="ml-2 rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-800">Rolled</span>}
                    <AttentionBadges attention={insight.get(apiKey.id)?.attention ?? []} />
                  </th>
                  <td className="whitespace-nowrap px-4 py-3 font-mono text-gray-700">{apiKey.display}</td>
                  <td className="px-4 py-3 text-gray-700"><PermissionsLabel apiKey={apiKey} /></td>
                  <td className="whitespace-nowrap px-4 py-3 text-gray-700"><Time value={apiKey.createdAt} /></td>
                  <td className="px-4 py-3 text-gray-700">
                    {apiKey.lastUsedAt ? <Time value={apiKey.lastUsedAt} format={DATE_TIME} /> : "Never"}
                  </td>
                  {/* With the time: a rolled key's grace period ends within hours. */}
                  <td className="px-4 py-3 text-gray-700">
                    {apiKey.expiresAt ? <Time value={apiKey.expiresAt} format={DATE_TIME} /> : "Never"}
                  </td>
                  <td className="px-4 py-3 text-gray-700"><AllowedIpsCell apiKey={apiKey} action={allowlistAction} /></td>
                  <td className="px-4 py-3">
                    <WeeklyRequests values={insight.get(apiKey.id)?.weeklyRequests ?? []} />
                  </td>
                  <td className="whitespace-nowrap py-3 pl-4 pr-6 text-right">
                    {!apiKey.rolledToId && <RollKeyDialog keyId={apiKey.id} name={apiKey.name} display={apiKey.display} action={rollAction} />}
                    <DeleteKeyDialog keyId={apiKey.id} name={apiKey.name} display={apiKey.display} action={deleteAction} />
                  </td>
                </tr>
              ))}
              {leakedKeys.map((leaked) => (
                <tr key={leaked.id} className="bg-red-50/40">
                  <th scope="row" className="py-3 pl-6 pr-4 font-medium text-gray-500">
                    {leaked.name}
                    <span className="ml-2 whitespace-nowrap rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-800">Revoked: leaked</span>
                  </th>
                  <td className="whitespace-nowrap px-4 py-3 font-mono text-gray-500 line-through">{leaked.display}</td>
                  <td className="px-4 py-3 text-gray-500" colSpan={6}>
                    Revoked <Time value={leaked.leakedAt} /> after it was found in public.
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}
