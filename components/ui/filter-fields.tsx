import { Link } from "@/components/ui/link";
import { buttonClasses } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

// Pieces shared by the dashboard's GET filter forms (calls, audit log, request log). They stay
// server components: the filters live in the URL and the forms work without JavaScript.

// The "From (UTC)" / "To (UTC)" day inputs, named `from` and `to` as the list pages' queries read them.
export function DateRangeFields({ from, to }: { from?: string; to?: string }) {
  return (
    <>
      <TextField look="filter" type="date" label="From (UTC)" name="from" defaultValue={from ?? ""} />
      <TextField look="filter" type="date" label="To (UTC)" name="to" defaultValue={to ?? ""} />
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
