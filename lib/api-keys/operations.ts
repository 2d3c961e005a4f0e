import { defineOperation } from "@/lib/api/operation";

export const getMe = defineOperation({
  method: "GET",
  path: "/api/v1/me",
  tag: "Account",
  summary: "Who this key belongs to",
  description: "The connection test for Make and Zapier: the account and the key used. Needs no permission.",
  success: { status: 200, description: "The account object, with the key that authenticated." },
});
