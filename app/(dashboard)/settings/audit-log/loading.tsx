import { TablePageSkeleton } from "@/components/states/loading-skeleton";

export default function AuditLogLoading() {
  return <TablePageSkeleton label="Loading the audit log…" />;
}
