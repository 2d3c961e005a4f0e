import type { Contact } from "@/lib/generated/prisma/client";

// How the dashboard names a contact: its name, else whatever identifies it best.
export function contactLabel(contact: Pick<Contact, "firstName" | "lastName" | "company" | "phone" | "email" | "id">): string {
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(" ");
  return name || contact.company || contact.phone || contact.email || contact.id;
}
