// Which key launched a call; inbound calls were launched by no key.
export function ApiKeyLabel({ apiKey }: { apiKey: { name: string; display: string } | null }) {
  if (!apiKey) return <span className="text-gray-500">—</span>;
  return (
    <span className="flex flex-col">
      <span className="text-gray-900">{apiKey.name}</span>
      <span className="font-mono text-xs text-gray-500">{apiKey.display}</span>
    </span>
  );
}
