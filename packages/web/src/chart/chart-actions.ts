import { createContext, useContext } from 'react';

export interface ChartActions {
  readonly patientId: string;
  /** After a write: reload the chart and say what changed (a polite live region). */
  readonly saved: (message: string) => Promise<void>;
}

export const ChartActionsContext = createContext<ChartActions | null>(null);

export function useChartActions(): ChartActions {
  const value = useContext(ChartActionsContext);
  if (!value) throw new Error('useChartActions outside a chart');
  return value;
}
