import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  if (await currentUser()) redirect("/");
  return (
    <>
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
