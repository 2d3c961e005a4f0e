import { CardsSkeleton } from "@/components/states/loading-skeleton";

export default function CallLoading() {
  return <CardsSkeleton label="Loading the call…" />;
}
