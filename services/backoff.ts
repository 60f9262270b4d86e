/** The longest wait between two reconnect attempts. */
export const RECONNECT_CAP_MS = 30_000;

/**
 * `drop`: the socket failed or closed (network, proxy, stale); `restart`: the server said it is restarting
 * (`disconnect` with `reconnect: true`), which every visitor hears at the same instant.
 */
export type ReconnectCause = 'drop' | 'restart';

/**
 * Delay before reconnect attempt `attempt` (1 = the first retry after a drop; 0 = at once).
 * Each attempt draws its own jitter from a range that starts where the previous one ended, so delays
 * never shrink while a page keeps failing: [0.25 s, 1 s], then [1, 2], [2, 4], … up to the 30 s cap.
 * After a server restart the first retry is spread over [0.25 s, 4 s] (so a herd of pages reconnecting
 * together does not land in one instant), and the later ones continue from 4 s: [4, 8], [8, 16], ….
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random, cause: ReconnectCause = 'drop'): number {
  if (attempt <= 0) return 0;
  if (attempt === 1) return 250 + random() * (cause === 'restart' ? 3750 : 750);
  const step = cause === 'restart' ? attempt + 2 : attempt;
  const low = Math.min(RECONNECT_CAP_MS, 1000 * 2 ** (step - 2));
  const high = Math.min(RECONNECT_CAP_MS, 1000 * 2 ** (step - 1));
  return low + random() * (high - low);
}

/** Waits of a bounded retry: 500 ms, then 1 s (as Chatwoot's widget retries its recovery fetch). */
export const RECOVERY_WAITS_MS = [500, 1000] as const;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
