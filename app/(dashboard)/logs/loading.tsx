import { TablePageSkeleton } from "@/components/states/loading-skeleton";

export default function LogsLoading() {
  return <TablePageSkeleton label="Loading logs…" />;
}
