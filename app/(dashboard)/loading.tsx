import { CardsSkeleton } from "@/components/states/loading-skeleton";

export default function DashboardLoading() {
  return <CardsSkeleton />;
}
