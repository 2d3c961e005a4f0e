import type { ActionState } from "@/lib/actions/validated-action";
import type { ApiKeySummary } from "@/lib/api-keys/api-keys";
import { DeleteKeyDialog } from "./delete-key-dialog";
import { GenerateKeyDialog, type CreatedKey } from "./generate-key-dialog";

const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

function Time({ value, format = DATE }: { value: Date; format?: Intl.DateTimeFormat }) {
  return (
    <time dateTime={value.toISOString()} title={DATE_TIME.format(value)}>
      {format.format(value)}
    </time>
  );
}

export function ApiKeysSection({
  apiKeys,
  createAction,
  deleteAction,
}: {
  apiKeys: ApiKeySummary[];
  createAction: (formData: FormData) => Promise<ActionState<CreatedKey>>;
  deleteAction: (formData: FormData) => Promise<ActionState<boolean>>;
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
      {apiKeys.length === 0 ? (
        <p className="border-t border-gray-200 px-6 py-10 text-center text-sm text-gray-600">
          No API keys yet. Generate one to connect your first tool.
        </p>
      ) : (
        <div className="overflow-x-auto border-t border-gray-200">
          <table className="min-w-full text-left text-sm">
            <thead className="bg-gray-50 text-xs uppercase tracking-wide text-gray-500">
              <tr>
                <th scope="col" className="px-6 py-3 font-medium">Name</th>
                <th scope="col" className="px-6 py-3 font-medium">Key</th>
                <th scope="col" className="px-6 py-3 font-medium">Created</th>
                <th scope="col" className="px-6 py-3 font-medium">Last used</th>
                <th scope="col" className="px-6 py-3 font-medium">Expires</th>
                <th scope="col" className="px-6 py-3 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-200">
              {apiKeys.map((apiKey) => (
                <tr key={apiKey.id}>
                  <th scope="row" className="px-6 py-3 font-medium text-gray-900">{apiKey.name}</th>
                  <td className="px-6 py-3 font-mono text-gray-700">{apiKey.display}</td>
                  <td className="px-6 py-3 text-gray-700"><Time value={apiKey.createdAt} /></td>
                  <td className="px-6 py-3 text-gray-700">
                    {apiKey.lastUsedAt ? <Time value={apiKey.lastUsedAt} format={DATE_TIME} /> : "Never"}
                  </td>
                  <td className="px-6 py-3 text-gray-700">
                    {apiKey.expiresAt ? <Time value={apiKey.expiresAt} /> : "Never"}
                  </td>
                  <td className="px-6 py-3 text-right">
                    <DeleteKeyDialog keyId={apiKey.id} name={apiKey.name} display={apiKey.display} action={deleteAction} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
