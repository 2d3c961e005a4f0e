import type { Metadata } from "next";
import { ContactFormDialog } from "@/components/contacts/contact-form-dialog";
import { ContactsList } from "@/components/contacts/contacts-list";
import { buttonClasses } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { contactsPageQuerySchema, searchContacts } from "@/lib/contacts/dashboard";
import { createContactAction, deleteContactAction, updateContactAction } from "./contact-actions";

export const metadata: Metadata = { title: "Contacts" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ContactsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const query = contactsPageQuerySchema.parse(await searchParams);
  const q = query.q || undefined;
  const page = await searchContacts(user.id, { ...query, q });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Contacts</h1>
          <p className="mt-1 max-w-prose text-sm text-gray-600">
            The people your calls are with, newest first. Your CRM can keep them in sync through the API.
          </p>
        </div>
        <ContactFormDialog action={createContactAction} />
      </div>
      <form role="search" method="get" action="/contacts" className="flex flex-col gap-2 sm:flex-row">
        <label htmlFor="contact-search" className="sr-only">
          Search contacts
        </label>
        <input
          id="contact-search"
          type="search"
          name="q"
          defaultValue={q ?? ""}
          placeholder="Name, phone or external id"
          className="block w-full rounded-md border-0 px-3 py-2 text-sm text-gray-900 shadow-sm ring-1 ring-inset ring-gray-300 placeholder:text-gray-500 focus:ring-2 focus:ring-inset focus:ring-indigo-600 sm:max-w-sm"
        />
        <button type="submit" className={buttonClasses("secondary")}>
          Search
        </button>
      </form>
      <ContactsList
        contacts={page.contacts}
        q={q}
        paged={Boolean(query.starting_after)}
        nextStartingAfter={page.nextStartingAfter}
        actions={{ update: updateContactAction, remove: deleteContactAction }}
      />
    </div>
  );
}
