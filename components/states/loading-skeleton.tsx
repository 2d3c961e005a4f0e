// Grey blocks in the shape of the page that is on its way. The wrapper is the one live, busy
// region that says so to screen readers; the blocks themselves are hidden from them.
//
// Only segments with no notFound() page below them have a loading.tsx: a loading boundary starts
// streaming with status 200, so /calls/[id] and /settings/integrations/keys/[id] under one would
// answer an unknown or foreign id with 200 instead of 404. (Moving the Calls list and Integration
// Settings pages into route groups of their own would let them have one too.)

function Block({ className }: { className: string }) {
  return <div className={`animate-pulse rounded bg-gray-200 motion-reduce:animate-none ${className}`} />;
}

function Busy({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="status" aria-busy="true" aria-live="polite" className="space-y-6">
      <span className="sr-only">{label}</span>
      <div aria-hidden="true" className="space-y-6">
        {children}
      </div>
    </div>
  );
}

// A heading, a line of text and a table: the Contacts, Routing, Logs and audit log pages.
export function TablePageSkeleton({ label = "Loading…" }: { label?: string }) {
  return (
    <Busy label={label}>
      <div className="space-y-2">
        <Block className="h-7 w-40" />
        <Block className="h-4 w-96 max-w-full" />
      </div>
      <div className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-gray-200">
        <div className="border-b border-gray-200 bg-gray-50 px-4 py-3">
          <Block className="h-4 w-1/2" />
        </div>
        {Array.from({ length: 6 }, (_, row) => (
          <div key={row} className="flex gap-4 border-b border-gray-100 px-4 py-3 last:border-0">
            <Block className="h-4 w-1/4" />
            <Block className="h-4 w-1/3" />
            <Block className="h-4 w-1/6" />
          </div>
        ))}
      </div>
    </Busy>
  );
}

// White cards of settings or facts, under a heading that the layout may already show.
export function CardsSkeleton({ label = "Loading…", cards = 2, heading = true }: { label?: string; cards?: number; heading?: boolean }) {
  return (
    <Busy label={label}>
      {heading && <Block className="h-7 w-48" />}
      {Array.from({ length: cards }, (_, card) => (
        <div key={card} className="space-y-3 rounded-lg bg-white p-6 shadow-sm ring-1 ring-gray-200">
          <Block className="h-5 w-40" />
          <Block className="h-4 w-3/4" />
          <Block className="h-4 w-2/3" />
          <Block className="h-9 w-32" />
        </div>
      ))}
    </Busy>
  );
}
