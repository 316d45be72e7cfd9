// `knotwork screen [--as-of ISO] FILE|-`: one CDS Hooks request in, the CDS Hooks response out
// (SCREENING.md section 1). Exit 0 whenever the request was evaluated, whatever the cards say;
// exit 2 with one line on stderr, naming the problem and its JSON path, when it is not usable.
import { parseArgs } from 'node:util';
import { parseFhirTime, screen } from '@knotwork/core';
import { EXIT_OK, EXIT_UNUSABLE, type CommandIo } from '../io.js';

export const SCREEN_HELP = `Usage: knotwork screen [--as-of ISO-8601] FILE
       knotwork screen [--as-of ISO-8601] -        (read the request from standard input)

Screens a planned trigger point injection: reads one CDS Hooks request (hook order-sign or
order-select, the TPI ServiceRequest and MedicationRequests in context.draftOrders, the patient's
record in prefetch) and prints the CDS Hooks response, { "cards": [...] }, on standard output.

Options:
  --as-of ISO-8601   "now" for every time window (default: the current time), e.g.
                     2026-11-27T10:00:00Z; a date alone is the start of that day, UTC
  --verdict          also print the verdict (do-not-proceed, caution, proceed) on standard error
  -h, --help         show this help

Exit status: 0 when the request was evaluated, whatever the cards say; 2 when the input is not a
usable request (unreadable JSON, another hook, no draftOrders Bundle, no TPI order), with one
line on standard error naming the problem and the JSON path where it was found.

The contract: SCREENING.md (CDS Hooks service tpi-screening).
`;

export async function screenCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr(`knotwork screen: ${message}\n`);
    return EXIT_UNUSABLE;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { 'as-of': { type: 'string' }, verdict: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return fail(`${(error as Error).message} (see knotwork screen --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(SCREEN_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) {
    return fail(
      positionals.length === 0
        ? 'name a request FILE, or - for standard input (see --help)'
        : `one FILE only, not ${positionals.length}`,
    );
  }
  let asOf = io.now();
  if (values['as-of'] !== undefined) {
    const t = parseFhirTime(values['as-of']);
    if (t === undefined) return fail(`--as-of: "${values['as-of']}" is not an ISO-8601 date or time`);
    asOf = t;
  }
  const source = positionals[0] as string;
  let text: string;
  try {
    text = source === '-' ? await io.readStdin() : await io.readFile(source);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(`cannot read ${source}: ${code === 'ENOENT' ? 'no such file' : (code ?? (error as Error).message)}`);
  }
  let request: unknown;
  try {
    request = JSON.parse(text);
  } catch (error) {
    return fail(`$: unreadable JSON (${(error as Error).message})`);
  }
  const result = screen(request, { asOf });
  if (!result.ok) return fail(`${result.problem.path}: ${result.problem.message}`);
  io.stdout(`${JSON.stringify(result.response, null, 2)}\n`);
  if (values.verdict)
    io.stderr(
      `verdict: ${result.verdict} (${result.response.cards.length} card(s), policy ${result.trace.policyVersion})\n`,
    );
  return EXIT_OK;
}
