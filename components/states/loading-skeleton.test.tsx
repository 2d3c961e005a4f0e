import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CardsSkeleton, TablePageSkeleton } from "./loading-skeleton";

describe("loading skeletons", () => {
  it.each([
    ["a table page", <TablePageSkeleton key="table" label="Loading logs…" />, "Loading logs…"],
    ["cards", <CardsSkeleton key="cards" heading={false} />, "Loading…"],
  ])("%s: one busy, polite status that names what is loading, with the blocks hidden from screen readers", (_, element, label) => {
    const html = renderToStaticMarkup(element);
    expect(html).toMatch(/^<div role="status" aria-busy="true" aria-live="polite"/);
    expect(html).toContain(`<span class="sr-only">${label}</span>`);
    expect(html).toContain('<div aria-hidden="true"');
    expect(html.match(/role="status"/g)).toHaveLength(1);
  });
});
