import { Link } from "@/components/ui/link";
import { contactLabel } from "@/lib/contacts/contact-label";
import type { CallContact } from "@/lib/calls/dashboard";

// The contact a call is about, linked to it on the Contacts page (which finds a contact by its id).
export function ContactLink({ contactId, contact }: { contactId: string | null; contact: CallContact | null }) {
  if (!contactId) return <span className="text-gray-500">—</span>;
  if (!contact) return <span className="text-gray-500">Deleted contact</span>;
  return (
    <Link href={`/contacts?q=${encodeURIComponent(contact.id)}`} className="text-indigo-700 hover:underline">
      {contactLabel(contact)}
    </Link>
  );
}
