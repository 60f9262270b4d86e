// Every timed figure is the median of several runs, reported with the smallest and largest.

/** @typedef {{ median: number, min: number, max: number, runs: number[] }} Spread */

/** @param {number[]} values @returns {Spread} */
export function spread(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1), runs: values };
}

/** Runs `measure` `times` times, one after the other; returns each figure's spread. */
export async function repeat(times, measure) {
  const samples = [];
  for (let run = 0; run < times; run++) samples.push(await measure(run));
  const keys = Object.keys(samples[0]);
  return Object.fromEntries(keys.map((key) => [key, spread(samples.map((sample) => sample[key]))]));
}

/** "12 (11–14)": the median, then the range when the runs differ. */
export function formatSpread({ median, min, max }, format = (value) => String(Math.round(value))) {
  return min === max ? format(median) : `${format(median)} (${format(min)}–${format(max)})`;
}
