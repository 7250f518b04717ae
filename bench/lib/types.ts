/** What every benchmark returns: rows for the printed table and its figures for the JSON file. */

export interface BenchOptions {
  /** A short smoke run: fewer rounds, shorter windows; figures are indicative only. */
  quick: boolean;
  log(line: string): void;
}

export type BudgetStatus = 'met' | 'missed' | 'info';

export interface Row {
  metric: string;
  value: string;
  /** The budget in words, when the issue sets one for this figure. */
  budget?: string;
  status?: BudgetStatus;
}

export interface BenchResult {
  name: string;
  title: string;
  rows: Row[];
  /** Machine-readable figures (milliseconds, bytes, per-second rates, ratios) and the sample sizes behind them. */
  data: Record<string, unknown>;
  /** Set when the benchmark could not run (e.g. a missing optional piece); the run goes on. */
  skipped?: string;
}

export interface Bench {
  name: string;
  title: string;
  run(options: BenchOptions): Promise<BenchResult>;
}

export function budgetRow(metric: string, value: string, budget: string, met: boolean): Row {
  return { metric, value, budget, status: met ? 'met' : 'missed' };
}
