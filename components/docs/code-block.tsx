// A scrollable code block; focusable so keyboard users can scroll long lines (axe:
// scrollable-region-focusable). Dark in both themes: scheme-light pins the palette's light half.
export function CodeBlock({ children, className = "" }: { children: string; className?: string }) {
  return (
    <pre tabIndex={0} className={`overflow-x-auto rounded-md bg-gray-900 p-3 text-xs text-gray-100 scheme-light ${className}`}>
      <code>{children}</code>
    </pre>
  );
}
