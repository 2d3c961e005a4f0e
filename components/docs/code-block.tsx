// A scrollable code block; focusable so keyboard users can scroll long lines (axe:
// scrollable-region-focusable).
export function CodeBlock({ children, className = "" }: { children: string; className?: string }) {
  return (
    <pre tabIndex={0} className={`overflow-x-auto rounded-md bg-gray-900 p-3 text-xs text-gray-100 ${className}`}>
      <code>{children}</code>
    </pre>
  );
}
