// The address of the patient education page for a visit's sites and drugs (issue 6 item 1), as
// printed on the consent form and the discharge sheet and opened from their steps.
export function learnHref(muscles: readonly string[], injectates: readonly string[]): string {
  const params = new URLSearchParams();
  const m = [...new Set(muscles)];
  const i = [...new Set(injectates)];
  if (m.length > 0) params.set('muscles', m.join(','));
  if (i.length > 0) params.set('injectates', i.join(','));
  const query = params.toString().replaceAll('%2C', ',');
  return query ? `/learn?${query}` : '/learn';
}

/** The codes a /learn address asks for. */
export function learnQuery(search: string): { muscles: string[]; injectates: string[] } {
  const params = new URLSearchParams(search);
  const list = (key: string) => (params.get(key) ?? '').split(',').filter((c) => c !== '');
  return { muscles: list('muscles'), injectates: list('injectates') };
}
