// Finds catalogue names in free text (a coding's display, a CodeableConcept's text), as
// SCREENING.md section 4 "Name matching" reads it: whole words of letters and digits,
// case-insensitive, an optional plural "s", and a name found only inside a longer name that was
// also found does not count. The trie is built once per catalogue, so matching builds no
// regular expression and allocates little: it sits on the screening hot path.

interface TrieNode<T> {
  readonly next: Map<string, TrieNode<T>>;
  targets: readonly T[] | undefined;
}

export interface NameEntry<T> {
  readonly name: string;
  readonly target: T;
}

export interface NameMatcher<T> {
  /** Every target named in the text (each once, in order of first appearance). */
  match(text: string): T[];
}

const NON_ASCII_WORD = /[\p{L}\p{N}]/u;

function isWordChar(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (Number.isNaN(code)) return false;
  if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90)) {
    return true;
  }
  if (code < 128) return false;
  return NON_ASCII_WORD.test(text.charAt(index));
}

export function createNameMatcher<T>(entries: readonly NameEntry<T>[]): NameMatcher<T> {
  const root: TrieNode<T> = { next: new Map(), targets: undefined };
  for (const { name, target } of entries) {
    const key = name.toLowerCase();
    if (key.length === 0) throw new Error('a catalogue name is empty');
    let node = root;
    for (const ch of key) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map(), targets: undefined };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.targets = node.targets ? [...node.targets, target] : [target];
  }

  return {
    match(text: string): T[] {
      const lower = text.toLowerCase();
      // Longest name starting at each word start: [start, end, targets].
      const found: [number, number, readonly T[]][] = [];
      for (let start = 0; start < lower.length; start++) {
        if (!isWordChar(lower, start) || (start > 0 && isWordChar(lower, start - 1))) continue;
        let node: TrieNode<T> | undefined = root;
        let best: [number, readonly T[]] | undefined;
        for (let i = start; i < lower.length && node; i++) {
          node = node.next.get(lower.charAt(i));
          if (!node?.targets) continue;
          const end = i + 1;
          if (!isWordChar(lower, end)) best = [end, node.targets];
          else if (lower.charCodeAt(end) === 115 /* s */ && !isWordChar(lower, end + 1)) {
            best = [end + 1, node.targets];
          }
        }
        if (best) found.push([start, best[0], best[1]]);
      }
      const result: T[] = [];
      for (const [start, end, targets] of found) {
        // Matches are taken at word starts in order, so only an earlier one can contain this one.
        const inside = found.some(([s, e]) => s < start && e >= end);
        if (inside) continue;
        for (const t of targets) if (!result.includes(t)) result.push(t);
      }
      return result;
    },
  };
}
