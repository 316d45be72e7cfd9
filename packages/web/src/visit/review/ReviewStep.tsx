// Step 2, history review: allergies reviewed (or "no known allergies"), medicines reconciled, and
// injections given elsewhere, each with the chart's current state ("never asked" or "reviewed on
// <date>"). The chart's own cards do the work; this step gives them the visit's patient and keeps
// the chart fresh after each change.
import { useCallback, useMemo, useState } from 'react';
import type { Chart } from '../../api/types';
import { AllergiesCard, allergyStatus } from '../../chart/AllergiesCard';
import { ChartActionsContext, type ChartActions } from '../../chart/chart-actions';
import { HistoryCard } from '../../chart/HistoryCard';
import { MedicinesCard } from '../../chart/MedicinesCard';
import { useSession } from '../../session/session-context';
import { Button } from '../../ui/Button';
import { formatDate } from '../../ui/format';
import type { StepProps } from '../step-props';
import './review.css';

export function ReviewStep({ chart: initial, next }: StepProps) {
  const { api } = useSession();
  const [chart, setChart] = useState<Chart>(initial);
  const [announcement, setAnnouncement] = useState('');
  const patientId = initial.patient.id;

  const saved = useCallback(
    async (message: string) => {
      setChart(await api.readChart(patientId));
      setAnnouncement(message);
    },
    [api, patientId],
  );
  const actions = useMemo<ChartActions>(() => ({ patientId, saved }), [patientId, saved]);

  return (
    <ChartActionsContext.Provider value={actions}>
      <ReviewSummary chart={chart} />
      <p className="visually-hidden-status" role="status">
        {announcement}
      </p>
      <div className="review-cards">
        <AllergiesCard chart={chart} />
        <MedicinesCard chart={chart} />
        <HistoryCard administrations={chart.administrations} />
      </div>
      {next && (
        <div className="step-actions review-actions">
          <Button variant="primary" onClick={next}>
            Continue to the plan
          </Button>
        </div>
      )}
    </ChartActionsContext.Provider>
  );
}

/** Where the review stands, as the chart says: asked or never asked, reconciled or never. */
export function ReviewSummary({ chart }: { readonly chart: Chart }) {
  const allergies = allergyStatus(chart);
  const allergyWords =
    allergies.kind === 'never-asked'
      ? 'never asked'
      : allergies.kind === 'not-reviewed'
        ? 'listed, not reviewed with the patient'
        : allergies.kind === 'no-known-allergies'
          ? `no known allergies, reviewed on ${formatDate(allergies.reviewedAt)}`
          : `reviewed on ${formatDate(allergies.reviewedAt)}`;
  const allergyDone = allergies.kind === 'no-known-allergies' || allergies.kind === 'reviewed';
  const medicinesDone = chart.medicationsReconciledAt !== null;
  return (
    <ul className="review-summary" aria-label="Review so far">
      <li className={allergyDone ? 'review-done' : 'review-todo'}>
        <span aria-hidden="true">{allergyDone ? '✓' : '!'}</span> Allergies: {allergyWords}
      </li>
      <li className={medicinesDone ? 'review-done' : 'review-todo'}>
        <span aria-hidden="true">{medicinesDone ? '✓' : '!'}</span> Medicines:{' '}
        {medicinesDone ? `reconciled on ${formatDate(chart.medicationsReconciledAt)}` : 'never reconciled'}
      </li>
    </ul>
  );
}
