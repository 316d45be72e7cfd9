// Reading a stored screen of one of the clinic's visits with the overrides recorded on it, so a
// client that reloads shows the same cards and overrides instead of screening again (a new screen
// would leave the overrides on the old one). Audited as screen.read.
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import type { ScreenOverride, StoredScreen } from './visit-ports.js';

export async function readScreen(
  input: { readonly screenId: string; readonly actor: Actor; readonly at: number },
  repos: Pick<ClinicRepositories, 'screens' | 'audit'>,
): Promise<
  { readonly ok: true; readonly screen: StoredScreen; readonly overrides: readonly ScreenOverride[] } | UseCaseFailure
> {
  const screen = await repos.screens.find(input.screenId);
  await repos.audit.record(
    auditAs(input.actor, input.at, {
      action: 'screen.read',
      entity: `Screen/${input.screenId}`,
      patientId: screen?.patientId ?? null,
      outcome: screen ? 'success' : 'failed',
      ...(screen ? {} : { detail: { reason: 'not-found' } }),
    }),
  );
  if (!screen) return { ok: false, code: 'not-found', detail: `no screen ${input.screenId} in this clinic` };
  return { ok: true, screen, overrides: await repos.screens.overridesOf(screen.id) };
}
