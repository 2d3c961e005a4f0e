import { Link } from "@/components/ui/link";
import { buttonClasses } from "@/components/ui/button";

// What the not-found pages show: what is missing, why that may be, and the way back.
export function NotFoundPanel({ title, explanation, backHref, backLabel }: { title: string; explanation: string; backHref: string; backLabel: string }) {
  return (
    <section aria-labelledby="not-found-heading" className="mx-auto max-w-lg rounded-lg bg-white p-6 shadow-sm ring-1 ring-gray-200">
      <h1 id="not-found-heading" className="text-lg font-semibold">
        {title}
      </h1>
      <p className="mt-2 text-sm text-gray-600">{explanation}</p>
      <Link href={backHref} className={buttonClasses("primary", "mt-4")}>
        {backLabel}
      </Link>
    </section>
  );
}
