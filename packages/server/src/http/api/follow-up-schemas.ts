// The zod shapes of issue 6's API, the source of truth for /tmp/helpers/FOLLOWUP-CONTRACT.md: the
// patient's public follow-up form (token only), the clinic's tasks, a patient's outcomes, the
// outcomes dashboard (JSON and CSV) and the repeat-eligibility pack setting.
//
// Urgency of a red flag, from reference.json `escalation` (REFERENCE.md 5.3), three words:
// - "emergency": the reference says "emergency" (chest pain or breathlessness after a thoracic site:
//   suspect pneumothorax [PTCARE][CASE_PTX_BILAT]; throat swelling, wheeze, spreading hives:
//   anaphylaxis [PTCARE]) or "LAST protocol" (numb mouth, metallic taste, ringing ears
//   [MEDSCAPE_LA][ASRA_LAST2020]), which at home means emergency services;
// - "urgent": "immediate care" (feeling faint, weak or dizzy [PTCARE][VVR]) and "urgent evaluation"
//   (new limb weakness, progressive numbness, bowel or bladder change [CASE_SCI][CASE_CLOPI]);
// - "soon": "contact clinic same day" (fever, chills, redness, swelling or drainage within a week
//   [PTCARE]): raised from the side-effect answers `fever` and `redness-warmth-drainage` as the red
//   flag `infection-signs`.
import { z } from 'zod';

export const URGENCIES = ['emergency', 'urgent', 'soon'] as const;
export const Urgency = z.enum(URGENCIES).describe('From reference.json escalation: see follow-up-schemas.ts');

export const SIDE_EFFECT_IDS = [
  'soreness-or-flare',
  'bruising',
  'swelling',
  'redness-warmth-drainage',
  'fever',
] as const;
export const RED_FLAG_IDS = [
  'chest-pain-or-breathless',
  'throat-swelling-or-hives',
  'fainting',
  'last-symptoms',
  'new-weakness-or-numbness',
  'bowel-or-bladder-change',
] as const;
/** Raised from side effects (fever, redness/warmth/drainage), never asked as a question. */
export const DERIVED_RED_FLAG_IDS = ['infection-signs'] as const;

const SideEffectId = z.enum(SIDE_EFFECT_IDS);
const RedFlagId = z.enum(RED_FLAG_IDS);
const AnyRedFlagId = z.enum([...RED_FLAG_IDS, ...DERIVED_RED_FLAG_IDS]);

/** The public token: 32 random bytes in base64url (43 characters). Anything else is the same 404. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const FollowUpTokenParams = z.strictObject({ token: z.string().max(200) });

const Nrs = z.number().int().min(0).max(10);
const Peg = z.strictObject({
  pain: Nrs.describe('Average pain in the past week, 0-10'),
  enjoyment: Nrs.describe('Interference with enjoyment of life, 0-10'),
  activity: Nrs.describe('Interference with general activity, 0-10'),
});
const PegView = z.object({ pain: z.number().int(), enjoyment: z.number().int(), activity: z.number().int() });

export const FollowUpForm = z
  .object({
    dueAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    procedureDate: z.iso.datetime().describe('When the note was signed'),
    label: z.string().describe('The schedule point’s label, e.g. "Week 2"'),
    sites: z.array(z.object({ muscle: z.string(), name: z.string(), side: z.enum(['left', 'right', 'both']) })),
    products: z.array(z.object({ injectate: z.string(), name: z.string(), steroid: z.boolean() })),
    baseline: z.object({ painNrs: z.number().int().nullable(), peg: PegView.nullable() }),
    asksPeg: z.boolean(),
    sideEffects: z.array(z.object({ id: SideEffectId, text: z.string() })),
    redFlags: z.array(
      z.object({ id: RedFlagId, text: z.string(), why: z.string().describe('Why this patient is asked') }),
    ),
    entries: z.array(z.object({ submittedAt: z.iso.datetime() })).describe('Answers already sent on this link'),
  })
  .meta({ id: 'FollowUpForm' });

export const FollowUpAnswersInput = z
  .strictObject({
    painNrs: Nrs.describe('Pain now, 0-10, on the baseline’s scale'),
    reliefPct: z.number().int().min(0).max(100).describe('Relief since the injection, percent'),
    peg: Peg.optional().describe('Required when the form asksPeg'),
    sideEffects: z.array(SideEffectId).max(SIDE_EFFECT_IDS.length).default([]),
    redFlags: z.array(RedFlagId).max(RED_FLAG_IDS.length).default([]).describe('The red flags answered yes'),
    pgic: z
      .number()
      .int()
      .min(1)
      .max(7)
      .describe('Patient global impression of change: 1 very much improved ... 4 no change ... 7 very much worse'),
    comment: z.string().max(2000).optional(),
  })
  .meta({ id: 'FollowUpAnswers' });

export const RedFlagAdvice = z
  .object({
    id: AnyRedFlagId,
    urgency: Urgency,
    advice: z.string().describe('What to do now, in the reference’s words of urgency'),
    sources: z.array(z.string()).describe('reference.json source ids'),
  })
  .meta({ id: 'RedFlagAdvice' });

export const FollowUpAnswersCreated = z
  .object({ id: z.string(), redFlags: z.array(RedFlagAdvice) })
  .meta({ id: 'FollowUpAnswersCreated' });

// ---- Clinic tasks ----

export const TASK_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export const TaskQuery = z.strictObject({ status: z.enum(['open', 'all']).default('open') });
export const Task = z
  .object({
    id: z.string(),
    kind: z.literal('red-flag'),
    urgency: Urgency,
    patientId: z.string(),
    patientName: z.string(),
    visitId: z.string(),
    createdAt: z.iso.datetime(),
    summary: z.string(),
    status: z.enum(TASK_STATUSES),
    etag: z.string().describe('"<revision>": send it as If-Match to acknowledge or resolve'),
  })
  .meta({ id: 'ClinicTask' });
export const TaskList = z.object({ tasks: z.array(Task) }).meta({ id: 'ClinicTasks' });

// ---- A patient's outcomes ----

const Point = z.object({
  at: z.iso.datetime(),
  hoursAfter: z.number(),
  pointId: z.string().nullable().describe('The schedule point the link belonged to'),
  painNrs: z.number().int(),
  reliefPct: z.number().int(),
  peg: PegView.nullable(),
  pgic: z.number().int(),
  sideEffects: z.array(z.string()),
  redFlags: z.array(z.string()),
});

export const ProcedureOutcomes = z.object({
  visitId: z.string(),
  noteId: z.string(),
  date: z.iso.datetime(),
  sites: z.array(z.object({ muscle: z.string(), side: z.string() })),
  injectates: z.array(z.string()),
  indication: z.object({ icd10: z.string(), display: z.string() }).nullable().describe('From the visit’s baseline'),
  baseline: z.object({ painNrs: z.number().int().nullable(), peg: PegView.nullable() }),
  points: z.array(Point),
  outcome: z.unknown().describe('@knotwork/core procedureOutcome(...)'),
  eligibility: z.unknown().describe('@knotwork/core repeatEligibility(pack, ...)'),
});
export const PatientOutcomes = z.object({ procedures: z.array(ProcedureOutcomes) }).meta({ id: 'PatientOutcomes' });

// ---- The dashboard ----

export const DashboardQuery = z.strictObject({
  from: z.iso.date().optional().describe('Notes signed on or after this day (UTC)'),
  to: z.iso.date().optional().describe('Notes signed on or before this day (UTC)'),
  indication: z.string().max(20).optional().describe('An ICD-10-CM code or its prefix'),
  muscle: z.string().max(60).optional().describe('A catalogue muscle code'),
  injectate: z.enum(['anaesthetic-only', 'with-steroid']).optional(),
  clinician: z.guid().optional().describe('The signing clinician’s user id'),
});

const Rate = z.object({
  n: z.number().int().describe('Procedures meeting it'),
  of: z.number().int().describe('Procedures with the answers to judge it'),
  rate: z.number().nullable().describe('n / of, 0-1; null when of is 0'),
});
export const DashboardRow = z
  .object({
    key: z.string(),
    label: z.string(),
    procedures: z.number().int(),
    responder30: Rate.describe('>= 30 % pain reduction at the latest answer on or after day 1 (IMMPACT)'),
    responder50: Rate.describe('>= 50 % pain reduction, same rule'),
    medianReliefDurationDays: z.number().nullable(),
    flare: Rate,
    complications: Rate.describe('A complication reported by the clinician or a red flag by the patient'),
    steroidExposure: Rate.describe('Procedures with a corticosteroid, of all procedures'),
  })
  .meta({ id: 'DashboardRow' });
export const Dashboard = z
  .object({
    filters: DashboardQuery,
    totals: z.object({ patients: z.number().int(), procedures: z.number().int(), answers: z.number().int() }),
    overall: DashboardRow,
    byIndication: z.array(DashboardRow),
    byMuscle: z.array(DashboardRow),
    byInjectate: z.array(DashboardRow).describe('keys anaesthetic-only and with-steroid'),
    byClinician: z.array(DashboardRow),
    byMonth: z.array(DashboardRow).describe('keys YYYY-MM of the signing day (UTC)'),
  })
  .meta({ id: 'OutcomesDashboard' });
/** The CSV has one line per row of every group: group,key,label,procedures,responder30_n,... */
export const DASHBOARD_CSV_COLUMNS = [
  'group',
  'key',
  'label',
  'procedures',
  'responder30_n',
  'responder30_of',
  'responder50_n',
  'responder50_of',
  'median_relief_duration_days',
  'flare_n',
  'flare_of',
  'complications_n',
  'complications_of',
  'steroid_n',
] as const;

// ---- The eligibility pack setting ----

export const EligibilityPackChange = z
  .strictObject({
    packId: z.string().min(1).max(60).describe('A pack id from @knotwork/core, or "clinic" with rules'),
    rules: z.unknown().optional().describe('A clinic-defined pack (validated by the core)'),
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .meta({ id: 'EligibilityPackChange' });
export const EligibilityPackView = z
  .object({
    settingsVersion: z.number().int(),
    changedAt: z.iso.datetime().nullable(),
    changedBy: z.string().nullable(),
    reason: z.string().nullable(),
    packId: z.string(),
    pack: z.unknown(),
    isDefault: z.boolean(),
  })
  .meta({ id: 'EligibilityPackSetting' });
