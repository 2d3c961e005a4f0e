import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ account?: string | string[] }> }) {
  if (await currentUser()) redirect("/");
  const { account } = await searchParams;
  return (
    <>
      {account === "deleted" && (
        <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          Your account and its data were deleted.
        </p>
      )}
      <h1 className="text-xl font-semibold">Sign in to Switchboard</h1>
      <div className="mt-6">
        <SignInForm />
      </div>
      <p className="mt-6 text-sm text-gray-600">
        New here?{" "}
        <Link href="/sign-up" className="font-semibold text-indigo-600 hover:text-indigo-500">
          Create an account
        </Link>
      </p>
    </>
  );
}
