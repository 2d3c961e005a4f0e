import { TablePageSkeleton } from "@/components/states/loading-skeleton";

export default function ContactsLoading() {
  return <TablePageSkeleton label="Loading contacts…" />;
}
