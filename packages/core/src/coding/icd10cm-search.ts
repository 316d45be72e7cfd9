// Search over an ICD-10-CM code list, built once per list: by code prefix when the query looks like
// a code (M79.1, m791, G44), otherwise by the words of the title, each query word matching the start
// of a title word ("myal oth" finds "Myalgia, other site"). Ranking: an exact code first, then
// billable codes before headers, then titles matching more query words whole, then shorter titles,
// then code order. Only the top `limit` are kept (a bounded insertion, no full sort), so a query over
// the whole release (about 97,000 lines) stays in the low milliseconds.
import { HEADER_CODES } from './diagnosis-links.js';
import type { Icd10cmEntry } from './icd10cm-order-file.js';

export interface Icd10cmMatch extends Icd10cmEntry {
  /** For a header: why it cannot be billed and what to pick instead. */
  readonly note?: string;
}

export interface Icd10cmIndex {
  readonly size: number;
  search(query: string, limit: number): Icd10cmMatch[];
}

const CODE_LIKE = /^[A-Z][0-9][0-9A-Z]?\.?[0-9A-Z]{0,4}$/;
const bare = (code: string) => code.replaceAll('.', '').trim().toUpperCase();
const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');

/** The first index in a sorted array whose value is >= key. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function noteOf(entry: Icd10cmEntry): string | undefined {
  if (entry.billable) return undefined;
  const children = HEADER_CODES.get(bare(entry.code));
  return `Non-billable header; use a more specific code${children ? ` (${children})` : ''}`;
}

/** Keeps the `limit` smallest keys seen, with their entry numbers. */
class TopK {
  readonly keys: number[] = [];
  readonly ids: number[] = [];
  constructor(private readonly limit: number) {}
  private worst = Infinity;
  offer(key: number, id: number): void {
    if (key >= this.worst) return;
    const n = this.keys.length;
    let at = n;
    while (at > 0 && (this.keys[at - 1] as number) > key) at--;
    this.keys.splice(at, 0, key);
    this.ids.splice(at, 0, id);
    if (this.keys.length > this.limit) {
      this.keys.pop();
      this.ids.pop();
    }
    if (this.keys.length === this.limit) this.worst = this.keys[this.limit - 1] as number;
  }
}

export function buildIcd10cmIndex(list: readonly Icd10cmEntry[]): Icd10cmIndex {
  const keyed = list.map((e) => ({ e, bare: bare(e.code) }));
  keyed.sort((a, b) => (a.bare < b.bare ? -1 : a.bare > b.bare ? 1 : 0));
  const entries = keyed.map((k) => k.e);
  const codes = keyed.map((k) => k.bare);
  // The part of a word match's ranking key that does not depend on the query: billable codes
  // first, then shorter titles, then code order (query words matched whole come in between).
  const baseKey = Float64Array.from(
    entries,
    (e, id) => (e.billable ? 0 : 1) * 1e10 + Math.min(e.title.length, 999) * 1e5 + id,
  );
  // Word -> the entries whose title has it, each entry once per word.
  const postingLists = new Map<string, number[]>();
  entries.forEach((e, id) => {
    for (const w of new Set(wordsOf(e.title))) {
      const list = postingLists.get(w);
      if (list) list.push(id);
      else postingLists.set(w, [id]);
    }
  });
  const words = [...postingLists.keys()].sort();
  const postings = words.map((w) => Int32Array.from(postingLists.get(w) ?? []));
  postingLists.clear();
  const count = new Uint8Array(entries.length);
  const whole = new Uint8Array(entries.length);

  const match = (id: number): Icd10cmMatch => {
    const e = entries[id] as Icd10cmEntry;
    const note = noteOf(e);
    return note ? { ...e, note } : { ...e };
  };

  function byCode(q: string, top: TopK): void {
    for (let id = lowerBound(codes, q); id < codes.length && (codes[id] as string).startsWith(q); id++) {
      const tier = codes[id] === q ? 0 : entries[id]?.billable ? 1 : 2;
      top.offer(tier * 1e6 + id, id);
    }
  }

  function byWords(tokens: readonly string[], top: TopK): void {
    count.fill(0);
    whole.fill(0);
    // The rarest word first, so later passes only touch entries still in the running.
    const ranges = tokens.map((t) => {
      const from = lowerBound(words, t);
      let to = from;
      let total = 0;
      while (to < words.length && (words[to] as string).startsWith(t)) total += (postings[to++] as Int32Array).length;
      return { t, from, to, total };
    });
    ranges.sort((a, b) => a.total - b.total);
    const last = ranges.length;
    ranges.forEach(({ t, from, to }, step) => {
      const final = step + 1 === last;
      for (let w = from; w < to; w++) {
        // words[from] is the token itself when a title has it whole, so it is seen first.
        const exact = words[w] === t ? 1 : 0;
        for (const id of postings[w] as Int32Array) {
          if (count[id] !== step) continue;
          count[id] = step + 1;
          const hits = (whole[id] as number) + exact;
          whole[id] = hits;
          if (final) top.offer((baseKey[id] as number) + (last - hits) * 1e8, id);
        }
      }
    });
  }

  return {
    size: entries.length,
    search(query: string, limit: number): Icd10cmMatch[] {
      const q = query.trim();
      if (q === '' || limit < 1) return [];
      const top = new TopK(limit);
      if (CODE_LIKE.test(q.toUpperCase())) byCode(bare(q), top);
      else {
        const tokens = [...new Set(wordsOf(q))].slice(0, 8);
        if (tokens.length > 0) byWords(tokens, top);
      }
      return top.ids.map(match);
    },
  };
}
