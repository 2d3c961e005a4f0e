import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ComponentType } from "react";
import { GhlGuide } from "@/components/docs/guides/ghl-guide";
import { HostawayGuide } from "@/components/docs/guides/hostaway-guide";
import { MakeGuide } from "@/components/docs/guides/make-guide";
import { N8nGuide } from "@/components/docs/guides/n8n-guide";
import { ZapierGuide } from "@/components/docs/guides/zapier-guide";
import { GUIDES, type GuideSlug } from "@/lib/docs/guides";
import { publicUrl } from "@/lib/env";

const CONTENT: Record<GuideSlug, ComponentType<{ baseUrl: string }>> = {
  make: MakeGuide,
  zapier: ZapierGuide,
  ghl: GhlGuide,
  hostaway: HostawayGuide,
  n8n: N8nGuide,
};

type Props = { params: Promise<{ slug: string }> };

function findGuide(slug: string) {
  return GUIDES.find((guide) => guide.slug === slug);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const guide = findGuide((await params).slug);
  return { title: guide ? `${guide.tool} guide` : "Guide not found" };
}

export default async function GuidePage({ params }: Props) {
  const guide = findGuide((await params).slug);
  if (!guide) notFound();
  const Content = CONTENT[guide.slug];
  return (
    <>
      <header className="space-y-2">
        <p className="text-sm font-bold text-indigo-700">Integration guide</p>
        <h1 className="text-3xl font-semibold text-gray-900">Switchboard with {guide.tool}</h1>
        <p className="text-gray-600">{guide.summary}</p>
      </header>
      {/* The examples name this deployment's URL, as the API reference's do. */}
      <Content baseUrl={publicUrl()} />
    </>
  );
}
