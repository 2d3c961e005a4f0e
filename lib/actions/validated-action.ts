import type { z } from "zod";
import { DomainError } from "@/lib/errors/domain-errors";
import { requireSession } from "@/lib/auth/session";
import type { ActiveSession } from "@/lib/auth/sessions";
import { inSudoMode } from "@/lib/auth/sudo";
import type { SessionUser } from "@/lib/auth/accounts";

export type ActionState<T = undefined> = {
  error?: string;
  fieldErrors?: Record<string, string>;
  data?: T;
  // Sudo mode lapsed: the client asks for the password again and repeats the action.
  sudoRequired?: true;
};

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] ??= issue.message;
  }
  return fieldErrors;
}

function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of formData) if (typeof value === "string") fields[name] = value;
  return fields;
}

// The one place a domain error becomes a form error: beside the field it names when the form has
// that field, otherwise above the form. Anything else is a bug and goes to Next's error boundary.
function formErrorOf(error: DomainError, formData: FormData): ActionState<never> {
  if (error.field && error.fieldMessage && formData.has(error.field)) return { fieldErrors: { [error.field]: error.fieldMessage } };
  return { error: error.message };
}

// For server actions reachable without a session (sign-up): parse, then act on typed data.
export function validatedAction<S extends z.ZodType, T>(
  schema: S,
  action: (data: z.infer<S>) => Promise<ActionState<T>>,
) {
  return async (formData: FormData): Promise<ActionState<T>> => {
    const parsed = schema.safeParse(formFields(formData));
    if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
    try {
      return await action(parsed.data);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return formErrorOf(error, formData);
    }
  };
}

// Server actions are public endpoints: every one that touches an account goes through here,
// which sends a visitor without a session to sign-in before any input is read. The session is
// handed on because React's cache does not dedupe inside a server action: reading it again would
// query the session row twice.
export function validatedActionWithSession<S extends z.ZodType, T>(
  schema: S,
  action: (data: z.infer<S>, session: ActiveSession) => Promise<ActionState<T>>,
  { sudo = false }: { sudo?: boolean } = {},
) {
  return async (formData: FormData): Promise<ActionState<T>> => {
    const session = await requireSession();
    if (sudo && !inSudoMode(session)) return { error: "Confirm your password to continue.", sudoRequired: true };
    return validatedAction(schema, (data: z.infer<S>) => action(data, session))(formData);
  };
}

export function validatedActionWithUser<S extends z.ZodType, T>(
  schema: S,
  action: (data: z.infer<S>, user: SessionUser) => Promise<ActionState<T>>,
) {
  return validatedActionWithSession(schema, (data, session) => action(data, session.user));
}

// For the actions GitHub calls sudo-protected (minting or rolling keys, revealing or rolling
// webhook secrets, two-factor changes): refused, before any input is read, unless the password
// was given in this session within the last 15 minutes. The check is here, on the server, so a
// client that skips the re-authentication dialog gets nothing.
export function validatedSudoActionWithUser<S extends z.ZodType, T>(
  schema: S,
  action: (data: z.infer<S>, user: SessionUser) => Promise<ActionState<T>>,
) {
  return validatedActionWithSession(schema, (data, session) => action(data, session.user), { sudo: true });
}
