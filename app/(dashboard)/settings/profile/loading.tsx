import { CardsSkeleton } from "@/components/states/loading-skeleton";

// The settings layout keeps its heading and tabs; only the tab's content is on its way.
export default function ProfileLoading() {
  return <CardsSkeleton label="Loading settings…" heading={false} cards={3} />;
}
