// How long the reliability tests run. `npm test` uses this file as it is (the quick set);
// `npm run test:soak` (scripts/soak.mjs) serves this module with its own values from CW_RELIABILITY_* variables.
export interface ReliabilityMode {
  /** Run the long versions (20 chaos seeds, the long-run soak, 100 drop cycles, a 180 s refusal). */
  soak: boolean;
  /** Chaos seeds; empty for the quick set's own. */
  seeds: number[];
  /** Length of the long-run soak in minutes. */
  minutes: number;
}

export const mode: ReliabilityMode = { soak: false, seeds: [], minutes: 0 };
