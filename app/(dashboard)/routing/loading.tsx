import { TablePageSkeleton } from "@/components/states/loading-skeleton";

export default function RoutingLoading() {
  return <TablePageSkeleton label="Loading routing…" />;
}
