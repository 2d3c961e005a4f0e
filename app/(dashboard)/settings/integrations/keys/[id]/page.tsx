import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApiKeyInsight } from "@/components/api-keys/api-key-insight";
import { apiKeyIdSchema } from "@/lib/api-keys/schemas";
import { requireUser } from "@/lib/auth/session";
import { keyAttention } from "@/lib/key-insight/key-attention";
import { findOwnApiKey } from "@/lib/key-insight/key-queries";
import { parseUsageRange } from "@/lib/key-insight/usage-ranges";
import { usageSeries } from "@/lib/key-insight/usage-series";

export const metadata: Metadata = { title: "API key" };

// One key of the signed-in owner; any other id, another account's included, is not found.
export default async function ApiKeyPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const keyId = apiKeyIdSchema.safeParse(id);
  const apiKey = keyId.success ? await findOwnApiKey(user.id, keyId.data) : null;
  if (!apiKey) notFound();
  const now = new Date();
  const series = await usageSeries(user.id, apiKey.id, parseUsageRange(query.range), now);
  return <ApiKeyInsight apiKey={apiKey} attention={keyAttention(apiKey, now)} series={series} />;
}
