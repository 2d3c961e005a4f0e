// Email-and-password (and second-factor code) sign-in against next-auth's own endpoints, as next-auth/react's
// signIn("credentials", { redirect: false }) does, without shipping that library (~12 kB gzip)
// to the sign-in and sign-up pages. next-auth checks the CSRF token (double-submit cookie) and
// sets the session cookie; the answer's URL carries the error when sign-in failed.
export async function signInWithCredentials(fields: { email: string; password: string; code?: string }): Promise<{ ok: boolean; error: string | null }> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken, callbackUrl: window.location.href, json: "true" }),
  });
  const { url } = (await response.json()) as { url: string };
  const error = new URL(url, window.location.origin).searchParams.get("error");
  return { ok: response.ok && !error, error };
}
