import { NotFoundPanel } from "@/components/states/not-found-panel";

// Unknown ids and other accounts' calls look the same, so neither reveals the other exists.
export default function CallNotFound() {
  return (
    <NotFoundPanel
      title="Call not found"
      explanation="No call of this account has this id. Check the link, or find the call in the list."
      backHref="/calls"
      backLabel="Back to all calls"
    />
  );
}
