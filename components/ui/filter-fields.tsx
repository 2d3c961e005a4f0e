import { Link } from "@/components/ui/link";
import { buttonClasses } from "@/components/ui/button";
import { TextField, type FieldLook } from "@/components/ui/field";

// Pieces shared by the dashboard's GET filter forms (calls, audit log, request log). They stay
// server components: the filters live in the URL and the forms work without JavaScript.

// The compact, content-wide controls of the filter bars, which sit side by side in one row rather
// than stacked down a form.
export const FILTER_LOOK: FieldLook = {
  label: "block text-sm font-medium text-gray-700",
  control:
    "block rounded-md border-0 py-1.5 pl-2 pr-8 text-sm text-gray-900 ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-indigo-600 aria-[invalid=true]:ring-red-500",
};

// The "From (UTC)" / "To (UTC)" day inputs, named `from` and `to` as the list pages' queries read them.
export function DateRangeFields({ from, to }: { from?: string; to?: string }) {
  return (
    <>
      <TextField look={FILTER_LOOK} type="date" label="From (UTC)" name="from" defaultValue={from ?? ""} />
      <TextField look={FILTER_LOOK} type="date" label="To (UTC)" name="to" defaultValue={to ?? ""} />
    </>
  );
}

// Submit the form, or drop every filter by going back to the bare list page.
export function FilterActions({ clearHref }: { clearHref: string }) {
  return (
    <div className="flex gap-2">
      <button type="submit" className={buttonClasses("primary")}>
        Filter
      </button>
      <Link href={clearHref} className={buttonClasses("ghost")}>
        Clear
      </Link>
    </div>
  );
}
