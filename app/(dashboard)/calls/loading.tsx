import { TablePageSkeleton } from "@/components/states/loading-skeleton";

export default function CallsLoading() {
  return <TablePageSkeleton label="Loading calls…" />;
}
