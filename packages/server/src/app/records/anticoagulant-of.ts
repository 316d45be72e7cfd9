// Which of the catalogue's anticoagulants (and antiplatelets) a medicine is, found as the screen
// finds it (SCREENING.md section 2 "Substances"): its RxNorm code, then catalogue names in its
// display ("Eliquis 5 mg" is apixaban).
import { catalogue, type AnticoagulantId } from '@knotwork/core';
import type { ChartMedicine } from '../../fhir/chart.js';
import { compiledCatalogue as compiled } from './compiled-catalogue.js';

export function anticoagulantOf(medicine: Pick<ChartMedicine, 'rxnorm' | 'display'>): AnticoagulantId | null {
  const coded =
    medicine.rxnorm === undefined
      ? []
      : (compiled.substanceByCoding.get(`${catalogue.systems.rxnorm}|${medicine.rxnorm}`) ?? []);
  for (const s of [...coded, ...compiled.names.match(medicine.display)]) {
    if (s.kind === 'anticoagulant') return s.id;
  }
  return null;
}
