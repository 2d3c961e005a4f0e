"use client";

import Check from "lucide-react/icons/check";
import Copy from "lucide-react/icons/copy";
import { useState } from "react";
import { Button } from "./button";
import { toast } from "./toast";

// Copies and says so in a toast; resolves to whether the clipboard took it.
export function useCopyToClipboard() {
  return async (value: string, copiedMessage: string): Promise<boolean> => {
    try {
      await navigator.clipboard.writeText(value);
      toast(copiedMessage);
      return true;
    } catch {
      toast("Could not copy. Select the text and copy it yourself.", "error");
      return false;
    }
  };
}

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
  const copyToClipboard = useCopyToClipboard();
  const [copied, setCopied] = useState(false);

  async function copy() {
    if (!(await copyToClipboard(value, copiedMessage))) return;
    setCopied(true);
    onCopied?.();
  }

  return (
    <Button variant="secondary" aria-label={label} onClick={copy}>
      {copied ? <Check aria-hidden="true" className="size-4" /> : <Copy aria-hidden="true" className="size-4" />}
      {copied ? "Copied" : "Copy"}
    </Button>
  );
}
