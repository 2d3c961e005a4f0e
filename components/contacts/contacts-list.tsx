import { Link } from "@/components/ui/link";
import { DeleteDialog } from "@/components/ui/delete-dialog";
import type { Contact } from "@/lib/generated/prisma/client";
import type { ActionState } from "@/lib/actions/validated-action";
import { contactLabel } from "@/lib/contacts/contact-label";
import { ContactFormDialog } from "./contact-form-dialog";

type ContactAction = (formData: FormData) => Promise<ActionState<boolean>>;

const PAGE_LINK = "rounded-md px-3 py-2 text-sm font-semibold text-indigo-700 ring-1 ring-inset ring-gray-300 hover:bg-gray-50";

function pageHref(q: string | undefined, startingAfter?: string) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (startingAfter) params.set("starting_after", startingAfter);
  const query = params.toString();
  return query ? `/contacts?${query}` : "/contacts";
}

// One row per contact: a grid of columns from sm up, stacked below it so a phone shows each
// contact whole without sideways scrolling.
export function ContactsList({
  contacts,
  q,
  paged,
  nextStartingAfter,
  actions,
}: {
  contacts: Contact[];
  q: string | undefined;
  paged: boolean;
  nextStartingAfter: string | null;
  actions: { update: ContactAction; remove: ContactAction };
}) {
  if (contacts.length === 0) {
    return (
      <section aria-label="Contacts" className="rounded-lg bg-white px-6 py-10 text-center text-sm text-gray-600 shadow-sm ring-1 ring-gray-200">
        {q || paged ? (
          <p>
            No contacts {q ? `match "${q}"` : "on this page"}.{" "}
            <Link href="/contacts" className="font-semibold text-indigo-700 hover:underline">
              Show all contacts
            </Link>
          </p>
        ) : (
          <p>No contacts yet. Create one here, or sync them from your CRM with POST /api/v1/contacts.</p>
        )}
      </section>
    );
  }
  return (
    <section aria-label="Contacts" className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-gray-200">
      <div aria-hidden="true" className="hidden grid-cols-[2fr_1.5fr_2fr_1.5fr_auto] gap-4 bg-gray-50 px-6 py-3 text-xs font-medium uppercase tracking-wide text-gray-500 sm:grid">
        <span>Name</span>
        <span>Phone</span>
        <span>Email</span>
        <span>External id</span>
        <span className="w-32" />
      </div>
      <ul className="divide-y divide-gray-200">
        {contacts.map((contact) => {
          const label = contactLabel(contact);
          return (
            <li key={contact.id} className="grid gap-1 px-6 py-4 text-sm sm:grid-cols-[2fr_1.5fr_2fr_1.5fr_auto] sm:items-center sm:gap-4 sm:py-3">
              <div>
                <p className="font-medium text-gray-900">{label}</p>
                {contact.company && label !== contact.company && <p className="text-xs text-gray-500">{contact.company}</p>}
              </div>
              <p className="font-mono text-gray-700">
                <span className="sr-only">Phone: </span>
                {contact.phone ?? <span className="text-gray-500">no phone</span>}
              </p>
              <p className="break-all text-gray-700">
                <span className="sr-only">Email: </span>
                {contact.email ?? ""}
              </p>
              <p className="break-all font-mono text-xs text-gray-600">
                {contact.externalId && (
                  <>
                    <span className="sm:sr-only">External id: </span>
                    {contact.externalId}
                  </>
                )}
              </p>
              <div className="flex w-32 gap-1 sm:justify-end">
                <ContactFormDialog
                  action={actions.update}
                  label={label}
                  editing={{
                    id: contact.id,
                    first_name: contact.firstName,
                    last_name: contact.lastName,
                    phone: contact.phone,
                    email: contact.email,
                    company: contact.company,
                    external_id: contact.externalId,
                  }}
                />
                <DeleteDialog
                  title={`Delete contact "${label}"?`}
                  description="Calls that named this contact keep its id. Webhook endpoints receive contact.deleted. This cannot be undone."
                  fields={{ contact_id: contact.id }}
                  action={actions.remove}
                  accessibleName={`Delete ${label}`}
                  confirmLabel="Delete contact"
                  doneMessage={`Contact "${label}" deleted`}
                />
              </div>
            </li>
          );
        })}
      </ul>
      {(paged || nextStartingAfter) && (
        <nav aria-label="Pagination" className="flex justify-between gap-3 border-t border-gray-200 px-6 py-4">
          {paged ? (
            <Link href={pageHref(q)} className={PAGE_LINK}>
              First page
            </Link>
          ) : (
            <span />
          )}
          {nextStartingAfter && (
            <Link href={pageHref(q, nextStartingAfter)} className={PAGE_LINK}>
              Next page
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}
