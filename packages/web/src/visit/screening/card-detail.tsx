// A card's detail as the engine writes it (a small markdown: paragraphs, "- " lists nested by two
// spaces, **bold** and `code`), drawn as elements: never as HTML, so nothing in it can run.
import type { ReactNode } from 'react';

function inline(text: string): ReactNode[] {
  const parts = text.split(/(\*\*[^*]+\*\*|`[^`]+`)/g).filter((p) => p !== '');
  return parts.map((part, i) => {
    if (part.startsWith('**') && part.endsWith('**')) return <strong key={i}>{part.slice(2, -2)}</strong>;
    if (part.startsWith('`') && part.endsWith('`')) return <code key={i}>{part.slice(1, -1)}</code>;
    return part;
  });
}

interface Item {
  readonly text: string;
  readonly children: Item[];
}

function listOf(lines: readonly string[]): Item[] {
  const root: Item[] = [];
  const stack: { depth: number; items: Item[] }[] = [{ depth: -1, items: root }];
  for (const line of lines) {
    const m = /^(\s*)- (.*)$/.exec(line);
    if (!m) {
      const last = stack[stack.length - 1]!.items.at(-1);
      if (last) (last as { text: string }).text += ` ${line.trim()}`;
      continue;
    }
    const depth = (m[1] ?? '').length;
    while (stack.length > 1 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const item: Item = { text: m[2] ?? '', children: [] };
    stack[stack.length - 1]!.items.push(item);
    stack.push({ depth, items: item.children });
  }
  return root;
}

function List({ items }: { readonly items: readonly Item[] }) {
  return (
    <ul>
      {items.map((item, i) => (
        <li key={i}>
          {inline(item.text)}
          {item.children.length > 0 && <List items={item.children} />}
        </li>
      ))}
    </ul>
  );
}

export function CardDetail({ text }: { readonly text: string }) {
  const blocks = text.split(/\n\s*\n/).filter((b) => b.trim() !== '');
  return (
    <>
      {blocks.map((block, i) => {
        const lines = block.split('\n');
        if (lines.every((l) => /^\s*- /.test(l) || /^\s{2,}\S/.test(l))) return <List key={i} items={listOf(lines)} />;
        return <p key={i}>{inline(block.replace(/\n/g, ' '))}</p>;
      })}
    </>
  );
}
