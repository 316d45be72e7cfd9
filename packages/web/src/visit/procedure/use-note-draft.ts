// The procedure note's draft on screen: started (or the latest version read), edited locally and
// saved by itself a moment after typing stops, sending only the fields that changed (If-Match the
// revision it is based on). What was typed is never dropped: a refusal (400) keeps it and shows the
// server's issues; a newer version saved elsewhere (412) is read again and the fields changed here
// are put back on top of it and saved again, with a message saying so.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiProblem } from '../../api/problem';
import type { VisitRecordEndpoints } from '../../api/visit-record-endpoints';
import type { NoteChange, NoteContent, ProcedureNote } from '../../api/visit-record-types';

export type EditableField = 'findings' | 'painNrs' | 'timeOut' | 'sites' | 'complications';
export const AUTOSAVE_MS = 800;

/** Local content: a volume may be blank while it is being typed. */
export type LocalAdministration = Omit<NoteContent['sites'][number]['administrations'][number], 'volumeMl'> & {
  readonly volumeMl: number | null;
};
export type LocalSite = Omit<NoteContent['sites'][number], 'administrations'> & {
  readonly administrations: readonly LocalAdministration[];
};
export type LocalContent = Omit<NoteContent, 'sites'> & { readonly sites: readonly LocalSite[] };

export type SaveState =
  | { readonly kind: 'saved' }
  | { readonly kind: 'pending' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'incomplete'; readonly reason: string }
  | { readonly kind: 'refused'; readonly problem: ApiProblem }
  | { readonly kind: 'merged' }
  | { readonly kind: 'failed'; readonly problem: ApiProblem };

type Load =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly problem: ApiProblem }
  | { readonly status: 'loaded'; readonly note: ProcedureNote };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The latest version of the visit's note: started when there is none yet. */
export async function openNote(api: VisitRecordEndpoints, visitId: string): Promise<ProcedureNote> {
  try {
    return await api.startNote(visitId);
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.status !== 409) throw error;
    const notes = await api.listNotes(visitId);
    const latest = notes.reduce<ProcedureNote | undefined>((a, n) => (!a || n.version > a.version ? n : a), undefined);
    if (!latest) throw error;
    return latest;
  }
}

function incompleteReason(content: LocalContent): string | undefined {
  const blank = content.sites.some((s) => s.administrations.some((a) => a.volumeMl === null || a.volumeMl <= 0));
  return blank ? 'each product given needs a volume' : undefined;
}

function changeOf(content: LocalContent, dirty: ReadonlySet<EditableField>): NoteChange {
  // Only sent once every volume is filled in (incompleteReason), so the local shape is the API's.
  const change: Record<string, unknown> = {};
  for (const field of dirty) change[field] = content[field];
  return change;
}

export function useNoteDraft(api: VisitRecordEndpoints, visitId: string) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [content, setContent] = useState<LocalContent>();
  const [save, setSave] = useState<SaveState>({ kind: 'saved' });
  const base = useRef<ProcedureNote | undefined>(undefined);
  const local = useRef<LocalContent | undefined>(undefined);
  const dirty = useRef(new Set<EditableField>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef(false);
  const again = useRef(false);
  const flushAgain = useRef<() => Promise<void>>(() => Promise.resolve());

  const adopt = useCallback((note: ProcedureNote) => {
    base.current = note;
    setLoad({ status: 'loaded', note });
  }, []);

  useEffect(() => {
    let live = true;
    openNote(api, visitId).then(
      (note) => {
        if (!live) return;
        adopt(note);
        local.current = note.content;
        setContent(note.content);
      },
      (error: unknown) => {
        if (live && error instanceof ApiProblem) setLoad({ status: 'failed', problem: error });
      },
    );
    return () => {
      live = false;
      clearTimeout(timer.current);
    };
  }, [api, visitId, adopt]);

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    const note = base.current;
    const current = local.current;
    if (!note || !current || dirty.current.size === 0) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    const reason = incompleteReason(current);
    if (reason) {
      setSave({ kind: 'incomplete', reason });
      return;
    }
    const sent = new Set(dirty.current);
    const change = changeOf(current, sent);
    inFlight.current = true;
    setSave({ kind: 'saving' });
    let next: SaveState = { kind: 'saved' };
    try {
      const saved = await api.editNote(note.id, note.revision, change);
      adopt(saved);
      // Each save takes the visit's current plan (never edited here): show the products it offers now.
      const typed = local.current;
      if (typed && !same(typed.plan, saved.content.plan)) {
        local.current = { ...typed, plan: saved.content.plan };
        setContent(local.current);
      }
      // Fields typed into again while this save ran stay dirty for the next one.
      for (const field of sent) if (same(local.current?.[field], change[field])) dirty.current.delete(field);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      if (error.status === 412) {
        const latest = (await api.listNotes(visitId)).find((n) => n.id === note.id);
        if (latest) {
          adopt(latest);
          // Theirs for what was not touched here, ours on top for what was.
          const merged = { ...latest.content, ...changeOf(local.current ?? current, dirty.current) } as LocalContent;
          local.current = merged;
          setContent(merged);
          again.current = true;
          next = { kind: 'merged' };
        } else next = { kind: 'failed', problem: error };
      } else if (error.status === 409) {
        const notes = await api.listNotes(visitId);
        const mine = notes.find((n) => n.id === note.id);
        if (mine) adopt(mine);
        next = { kind: 'failed', problem: error };
      } else {
        next = error.status === 400 ? { kind: 'refused', problem: error } : { kind: 'failed', problem: error };
      }
    } finally {
      inFlight.current = false;
    }
    setSave(next);
    if (again.current && next.kind !== 'refused' && next.kind !== 'failed') {
      again.current = false;
      await flushAgain.current();
      if (next.kind === 'merged') setSave({ kind: 'merged' });
    }
  }, [api, visitId, adopt]);

  useEffect(() => {
    flushAgain.current = flush;
  }, [flush]);

  const edit = useCallback(
    <F extends EditableField>(field: F, value: LocalContent[F]) => {
      const current = local.current;
      if (!current) return;
      const updated = { ...current, [field]: value };
      local.current = updated;
      setContent(updated);
      dirty.current.add(field);
      setSave({ kind: 'pending' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
    },
    [flush],
  );

  return { load, content, save, edit, flush };
}
