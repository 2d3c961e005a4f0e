export type ContentsEntry = { id: string; title: string; children?: ContentsEntry[] };

function Entries({ entries, nested = false }: { entries: ContentsEntry[]; nested?: boolean }) {
  return (
    <ol className={nested ? "mt-1 space-y-1 border-l border-gray-200 pl-3" : "space-y-2"}>
      {entries.map((entry) => (
        <li key={entry.id}>
          <a href={`#${entry.id}`} className={nested ? "text-gray-600 hover:text-indigo-700" : "font-medium text-gray-900 hover:text-indigo-700"}>
            {entry.title}
          </a>
          {entry.children && entry.children.length > 0 && <Entries entries={entry.children} nested />}
        </li>
      ))}
    </ol>
  );
}

// Plain links to the page's anchors: no script, works before (and without) hydration.
export function TableOfContents({ entries }: { entries: ContentsEntry[] }) {
  return (
    <nav aria-labelledby="contents-heading" className="text-sm">
      <h2 id="contents-heading" className="mb-3 text-xs font-semibold uppercase tracking-wide text-gray-600">
        Contents
      </h2>
      <Entries entries={entries} />
    </nav>
  );
}
