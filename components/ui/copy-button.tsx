"use client";

import { useState } from "react";
import { Button } from "./button";
import { useToast } from "./toast";

export function CopyButton({
  value,
  label,
  copiedMessage,
  onCopied,
}: {
  value: string;
  label: string;
  copiedMessage: string;
  onCopied?: () => void;
}) {
  const toast = useToast();
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast(copiedMessage);
      onCopied?.();
    } catch {
      toast("Could not copy. Select the text and copy it yourself.", "error");
    }
  }

  return (
    <Button variant="secondary" aria-label={label} onClick={copy}>
      {copied ? "Copied" : "Copy"}
    </Button>
  );
}
