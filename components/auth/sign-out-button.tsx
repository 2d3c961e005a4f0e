import { Button } from "@/components/ui/button";

// A plain form posting to a server action: works before hydration and ships no client code
// (next-auth's client library was most of every dashboard page's JavaScript).
export function SignOutButton({ action }: { action: () => Promise<void> }) {
  return (
    <form action={action}>
      <Button type="submit" variant="ghost">
        Sign out
      </Button>
    </form>
  );
}
