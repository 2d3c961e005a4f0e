import { NotFoundPanel } from "@/components/states/not-found-panel";

// Unknown ids and other accounts' keys look the same, so neither reveals the other exists.
export default function ApiKeyNotFound() {
  return (
    <NotFoundPanel
      title="API key not found"
      explanation="No key of this account has this id. Check the link, or pick the key from the API Keys list."
      backHref="/settings/integrations"
      backLabel="Back to Integration Settings"
    />
  );
}
