// A text with the places where the search matched marked (<mark>), from the server's offsets.
import type { ReactNode } from "react";
import type { Marks } from "../../lib/searchQuery.ts";

export function Marked({ text, ranges }: { text: string; ranges: Marks }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end > text.length || start >= end) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <mark key={start} className="cg-mark" data-testid="search-mark">
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
