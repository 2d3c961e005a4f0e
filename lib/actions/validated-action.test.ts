import { describe, expect, it } from "vitest";
import { z } from "zod";
import { aboutField, ConflictError, InvalidInputError, NotFoundError, ThrottledError, type DomainError } from "@/lib/errors/domain-errors";
import { validatedAction } from "./validated-action";

const schema = z.object({ url: z.string().min(1, "Enter a URL."), endpointId: z.string().optional() });

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

// Runs an action that fails with `error` on a form holding `fields`, returning what the form shows.
function failing(error: unknown, fields: Record<string, string> = { url: "https://hooks.example.com" }) {
  return validatedAction(schema, async () => {
    throw error;
  })(form(fields));
}

describe("validatedAction", () => {
  it("hands typed data to the action and returns its state", async () => {
    const action = validatedAction(schema, async (data) => ({ data: data.url.toUpperCase() }));
    expect(await action(form({ url: "https://a.example" }))).toEqual({ data: "HTTPS://A.EXAMPLE" });
  });

  it("puts schema problems beside their fields without running the action", async () => {
    let ran = false;
    const action = validatedAction(schema, async () => {
      ran = true;
      return {};
    });
    expect(await action(form({ url: "" }))).toEqual({ fieldErrors: { url: "Enter a URL." } });
    expect(ran).toBe(false);
  });
});

describe("domain errors in a form", () => {
  it("puts an error naming a field of the form beside that field, without the API's prefix", async () => {
    const unsafe = new InvalidInputError("unsafe_url", aboutField("url", "Webhook URLs must use https."));
    expect(await failing(unsafe)).toEqual({ fieldErrors: { url: "Webhook URLs must use https." } });
  });

  it("puts a conflict on its field when the message stands alone", async () => {
    const taken = new ConflictError("email_taken", { message: "An account with this email already exists. Sign in instead.", field: "email" });
    expect(await failing(taken, { url: "x", email: "ada@example.com" })).toEqual({
      fieldErrors: { email: "An account with this email already exists. Sign in instead." },
    });
  });

  it("shows an error about a field the form does not have above the form, with the field named", async () => {
    const missing = new InvalidInputError("resource_missing", aboutField("contact_id", 'no contact "contact_1" in this account.'));
    expect(await failing(missing)).toEqual({ error: 'contact_id: no contact "contact_1" in this account.' });
    // Path ids ("id") are not form fields: the form names its own (endpointId).
    expect(await failing(NotFoundError.of("webhook endpoint", "we_1"), { url: "x", endpointId: "we_1" })).toEqual({
      error: 'No webhook endpoint "we_1" in this account.',
    });
  });

  it("shows errors without a field above the form", async () => {
    const errors: DomainError[] = [
      new ConflictError("endpoint_disabled", "This endpoint is disabled. Enable it to send a test event."),
      new ThrottledError("sign_in_throttled", "Too many failed sign-in attempts. Try again in 2 minutes.", 120),
    ];
    for (const error of errors) expect(await failing(error)).toEqual({ error: error.message });
  });

  it("rethrows anything that is not a domain error, so a bug is never shown as a form message", async () => {
    await expect(failing(new Error("database is down"))).rejects.toThrow("database is down");
  });
});
