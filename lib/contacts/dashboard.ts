import { z } from "zod";
import { toE164 } from "@/lib/api/phone-number";
import { db, postgresPool } from "@/lib/db";
import type { Contact, Prisma } from "@/lib/generated/prisma/client";
import { idPattern } from "@/lib/ids/new-id";

// Reads for the signed-in Contacts page, scoped by the owner like every dashboard read.

export const CONTACTS_PAGE_SIZE = 25;
const MAX_SEARCH_WORDS = 5;
const contactId = idPattern("contact");

// The page's URL: ?q=…&starting_after=contact_…. Anything hand-edited into something else falls
// back to the first page of everything rather than an error page.
export const contactsPageQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  starting_after: z.string().regex(idPattern("contact")).optional().catch(undefined),
});

export type ContactsPageQuery = z.infer<typeof contactsPageQuerySchema>;

export type ContactsPage = { contacts: Contact[]; nextStartingAfter: string | null };

// PostgreSQL compares case-sensitively unless told; SQLite's LIKE already ignores ASCII case and
// refuses the option (so the SQLite client's types do not know it).
function contains(word: string): Prisma.StringNullableFilter<"Contact"> {
  return postgresPool ? ({ contains: word, mode: "insensitive" } as Prisma.StringNullableFilter<"Contact">) : { contains: word };
}

// Otherwise each word must appear in the name, company, email, external id or phone, so "ada love" finds
// Ada Lovelace. A word written as a phone number ("(415) 555-0123") is also matched in E.164.
// A contact's own id (the Calls page links to /contacts?q=contact_…) finds that contact alone.
export function contactSearchWhere(q: string | undefined): Prisma.ContactWhereInput {
  if (q && contactId.test(q.trim())) return { id: q.trim() };
  const words = (q ?? "").split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS);
  const whole = q?.trim() ?? "";
  const phone = whole ? toE164(whole) : null;
  const byWords: Prisma.ContactWhereInput = {
    AND: words.map((word) => ({
      OR: [
        { firstName: contains(word) },
        { lastName: contains(word) },
        { company: contains(word) },
        { email: contains(word) },
        { externalId: contains(word) },
        { phone: contains(word) },
      ],
    })),
  };
  if (words.length === 0) return {};
  return phone ? { OR: [byWords, { phone }] } : byWords;
}

export async function searchContacts(accountId: string, query: ContactsPageQuery): Promise<ContactsPage> {
  const rows = await db.contact.findMany({
    where: { accountId, ...contactSearchWhere(query.q), ...(query.starting_after ? { id: { lt: query.starting_after } } : {}) },
    // Newest first; ids sort by creation time and are unique, so pages never skip or repeat.
    orderBy: { id: "desc" },
    take: CONTACTS_PAGE_SIZE + 1,
  });
  const contacts = rows.slice(0, CONTACTS_PAGE_SIZE);
  return { contacts, nextStartingAfter: rows.length > CONTACTS_PAGE_SIZE ? contacts[contacts.length - 1].id : null };
}
