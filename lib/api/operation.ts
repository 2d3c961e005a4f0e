import type { z } from "zod";
import type { Permission } from "@/lib/api-keys/permissions";
import type { VerifiedApiKey } from "@/lib/api-keys/verify-api-key";

export type Method = "GET" | "POST" | "PATCH" | "DELETE";
export type ApiPath = `/api/v1/${string}`;
// 202: accepted without saying what came of it (POST /api/v1/credentials/revoke).
export type SuccessStatus = 200 | 201 | 202;

// One documented answer: its zod schema types the handler's body and becomes the OpenAPI
// response schema; the example is shown in the document (and checked against the schema).
export type ResponseSpec<S extends z.ZodType = z.ZodType> = { description: string; schema: S; example: z.output<S> };
export type SuccessResponses = { [Status in SuccessStatus]?: ResponseSpec };

export function response<S extends z.ZodType>(spec: ResponseSpec<S>): ResponseSpec<S> {
  return spec;
}

// What a handler answers: one of its operation's documented statuses with a body of that
// status's schema type, so a handler and its documentation cannot disagree and still compile.
export type Reply<R extends SuccessResponses> = {
  [Status in keyof R & SuccessStatus]: { status: Status; body: R[Status] extends ResponseSpec<infer S> ? z.output<S> : never };
}[keyof R & SuccessStatus];

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

type RequestContext<Q> = { request: Request; query: Infer<Q> };

export type PublicContext<Q, B = undefined> = RequestContext<Q> & { body: Infer<B> };

export type ApiKeyContext<B, Q> = RequestContext<Q> & {
  apiKey: VerifiedApiKey;
  accountId: string;
  params: Record<string, string>;
  body: Infer<B>;
};

type Declaration<M extends Method, P extends ApiPath, B, Q, R extends SuccessResponses> = {
  method: M;
  path: P;
  // Names the operation in the OpenAPI document and in generated SDKs: createCall, listCalls…
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  // Prefix of the object id in the path's {id}, e.g. "call".
  idPrefix?: string;
  body?: B;
  query?: Q;
  responses: R;
  // Request body for the curl example in the reference.
  example?: Record<string, unknown> | readonly Record<string, unknown>[];
};

// An endpoint that needs an API key: withApiKey authenticates, rate-limits, checks the
// permission and validates input before the handler runs.
export type ApiKeyOperation<
  M extends Method = Method,
  P extends ApiPath = ApiPath,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  R extends SuccessResponses = SuccessResponses,
> = Declaration<M, P, B, Q, R> & {
  access: "api_key";
  permission?: Permission;
  // NoInfer: the responses, not the handler, decide R; the handler is checked against them.
  handler: (context: ApiKeyContext<B, Q>) => Promise<NoInfer<Reply<R>>>;
};

// An error answer a public operation documents itself (key-authenticated ones share theirs).
export type ErrorResponseSpec = { description: string; example: { error: { type: string; code: string; message: string; param?: string } } };

// An endpoint anyone may call (health, the OpenAPI document, leaked-key reports).
export type PublicOperation<
  M extends Method = Method,
  P extends ApiPath = ApiPath,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends SuccessResponses = SuccessResponses,
> = Declaration<M, P, B, undefined, R> & {
  access: "public";
  errors?: Record<string, ErrorResponseSpec>;
  // Runs on the exact body text before anything parses it: a signature is over those bytes.
  verifyBody?: (request: Request, bodyText: string) => void | Promise<void>;
  handler: (context: PublicContext<undefined, B>) => Promise<NoInfer<Reply<R>>>;
};

// Any registered operation, as the registry, the route table, the document and the reference
// read them. The handler's parameter is `never` so that every specific operation fits.
export type Operation = Declaration<Method, ApiPath, z.ZodType | undefined, z.ZodType | undefined, SuccessResponses> & {
  access: "api_key" | "public";
  permission?: Permission;
  errors?: Record<string, ErrorResponseSpec>;
  verifyBody?: (request: Request, bodyText: string) => void | Promise<void>;
  handler: (context: never) => Promise<{ status: SuccessStatus; body: unknown }>;
};

export function defineOperation<
  const M extends Method,
  const P extends ApiPath,
  R extends SuccessResponses,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
>(operation: Omit<ApiKeyOperation<M, P, B, Q, R>, "access">): ApiKeyOperation<M, P, B, Q, R> {
  return { ...operation, access: "api_key" };
}

export function definePublicOperation<const M extends Method, const P extends ApiPath, R extends SuccessResponses, B extends z.ZodType | undefined = undefined>(
  operation: Omit<PublicOperation<M, P, B, R>, "access">,
): PublicOperation<M, P, B, R> {
  return { ...operation, access: "public" };
}
