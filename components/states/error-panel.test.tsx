import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ErrorPanel } from "./error-panel";

// error.tsx renders this panel. An e2e flow cannot reach it honestly: no page fails on demand,
// and a debug route that throws would ship to production. What the server logs for the same
// error (`"digest":"…"` on the "page error" line) is in instrumentation.ts.
const serverError = (digest?: string) => Object.assign(new Error("An error occurred in the Server Components render."), digest ? { digest } : {});

describe("ErrorPanel", () => {
  it("says the page failed, offers a retry and shows the digest to quote", () => {
    const html = renderToStaticMarkup(<ErrorPanel error={serverError("4030666329")} retry={() => {}} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain("This page could not be shown");
    expect(html).toMatch(/quote this reference to support:.*<code[^>]*>4030666329<\/code>/);
    expect(html).toMatch(/<button[^>]*>Try again<\/button>/);
    expect(html).toMatch(/<a href="\/"[^>]*>Go to the overview<\/a>/);
  });

  it("leaves the reference out when there is none, and never shows the error's message", () => {
    const html = renderToStaticMarkup(<ErrorPanel error={new Error("secret detail from a client component")} retry={() => {}} />);
    expect(html).not.toContain("reference");
    expect(html).not.toContain("secret detail");
    expect(html).toContain("Try again");
  });

  it("copes with a thrown value that is not an Error", () => {
    const html = renderToStaticMarkup(<ErrorPanel error={{ digest: 42 }} retry={() => {}} />);
    expect(html).not.toContain("reference");
  });
});
