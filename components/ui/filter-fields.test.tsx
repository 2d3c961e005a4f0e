import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SelectField } from "./field";
import { DateRangeFields, FILTER_LOOK } from "./filter-fields";

// The list pages read `from` and `to` from the URL, and the e2e flows find the inputs by their
// labels: each label must point at its own input, and the values must come back as defaults.
describe("DateRangeFields", () => {
  it("labels a from and a to day input, each by id, with the current filter as its value", () => {
    const html = renderToStaticMarkup(<DateRangeFields from="2026-11-01" />);
    const labelled = [...html.matchAll(/<label for="([^"]+)"[^>]*>([^<]+)<\/label><input id="([^"]+)"([^>]*)\/>/g)];
    expect(labelled.map(([, , text]) => text)).toEqual(["From (UTC)", "To (UTC)"]);
    for (const [, labelFor, , inputId] of labelled) expect(labelFor).toBe(inputId);
    expect(labelled[0][4]).toMatch(/type="date"[^>]*name="from"[^>]*value="2026-11-01"/);
    expect(labelled[1][4]).toMatch(/type="date"[^>]*name="to"[^>]*value=""/);
    expect(html).not.toContain("aria-invalid");
  });
});

describe("SelectField's filter look", () => {
  it("keeps the compact filter-bar classes, and wires an error to the select", () => {
    const html = renderToStaticMarkup(
      <SelectField look={FILTER_LOOK} label="Status" name="status" error="Pick a status">
        <option value="">Any status</option>
      </SelectField>,
    );
    expect(html).toMatch(/<label for="([^"]+)" class="block text-sm font-medium text-gray-700">Status<\/label><select id="\1" aria-invalid="true" aria-describedby="\1-error"/);
    expect(html).toContain("py-1.5 pl-2 pr-8");
    expect(html).not.toContain("w-full");
  });
});
