import { describe, expect, it } from "vitest";
import { profileSchema, signInSchema, signUpSchema } from "./schemas";

const valid = { name: "Ada Lovelace", email: "ada@example.com", password: "correct horse" };

function issuesOf(input: unknown) {
  const result = signUpSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => [issue.path.join("."), issue.message]);
}

describe("signUpSchema", () => {
  it("accepts a valid sign-up", () => {
    expect(signUpSchema.parse(valid)).toEqual(valid);
  });

  it("normalizes the email to trimmed lower case and trims the name", () => {
    expect(signUpSchema.parse({ ...valid, name: "  Ada  ", email: "  Ada.Lovelace@Example.COM \n" })).toEqual({
      name: "Ada",
      email: "ada.lovelace@example.com",
      password: "correct horse",
    });
  });

  it("keeps the password exactly as typed", () => {
    expect(signUpSchema.parse({ ...valid, password: "  Spaces Count  " }).password).toBe("  Spaces Count  ");
  });

  it.each([["not-an-email"], ["ada@"], ["@example.com"], ["ada example.com"], ["ada@@example.com"]])(
    "rejects the malformed email %j",
    (email) => {
      expect(issuesOf({ ...valid, email })).toEqual([["email", "Enter a valid email address, like name@example.com."]]);
    },
  );

  it("asks for an email when it is empty or blank", () => {
    expect(issuesOf({ ...valid, email: "" })).toEqual([["email", "Enter your email address."]]);
    expect(issuesOf({ ...valid, email: "   " })).toEqual([["email", "Enter your email address."]]);
    expect(issuesOf({ ...valid, email: undefined })).toEqual([["email", "Enter your email address."]]);
  });

  it("rejects an email over 254 characters", () => {
    expect(issuesOf({ ...valid, email: `${"a".repeat(250)}@example.com` })).toEqual([
      ["email", "That email address is too long."],
    ]);
  });

  it("requires at least 10 password characters", () => {
    expect(issuesOf({ ...valid, password: "123456789" })).toEqual([
      ["password", "Use at least 10 characters for your password."],
    ]);
    expect(issuesOf({ ...valid, password: "" })).toEqual([
      ["password", "Use at least 10 characters for your password."],
    ]);
    expect(signUpSchema.parse({ ...valid, password: "1234567890" }).password).toBe("1234567890");
  });

  it("caps passwords at 200 characters", () => {
    expect(signUpSchema.safeParse({ ...valid, password: "p".repeat(200) }).success).toBe(true);
    expect(issuesOf({ ...valid, password: "p".repeat(201) })).toEqual([
      ["password", "Passwords can be at most 200 characters."],
    ]);
  });

  it("asks for a name when it is empty, blank or missing", () => {
    for (const name of ["", "   ", undefined]) {
      expect(issuesOf({ ...valid, name })).toEqual([["name", "Enter your name."]]);
    }
    expect(issuesOf({ ...valid, name: "n".repeat(81) })).toEqual([["name", "Names can be at most 80 characters."]]);
  });

  it("reports every field at once for an empty form", () => {
    expect(issuesOf({})).toEqual([
      ["name", "Enter your name."],
      ["email", "Enter your email address."],
      ["password", "Choose a password."],
    ]);
  });
});

describe("signInSchema and profileSchema", () => {
  it("normalizes the sign-in email the same way as sign-up", () => {
    expect(signInSchema.parse({ email: " ADA@example.com", password: "x" })).toEqual({
      email: "ada@example.com",
      password: "x",
    });
    expect(signInSchema.safeParse({ email: "ada@example.com", password: "" }).success).toBe(false);
  });

  it("trims and validates the profile name", () => {
    expect(profileSchema.parse({ name: "  Grace " })).toEqual({ name: "Grace" });
    expect(profileSchema.safeParse({ name: " " }).error?.issues[0].message).toBe("Enter your name.");
  });
});
