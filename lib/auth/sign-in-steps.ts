// What lib/auth/sign-in.ts throws to the sign-in form (next-auth passes the message through as
// `error`): the password was right and the account asks for a second factor, or that factor was
// wrong. Kept free of imports so the client form can share them without pulling in the database.
export const TWO_FACTOR_REQUIRED = "TwoFactorRequired";
export const TWO_FACTOR_INVALID = "TwoFactorInvalid";
