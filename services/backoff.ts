const CAP_MS = 30_000;

/**
 * Delay before reconnect attempt `attempt` (1 = the first retry after a drop; 0 = at once).
 * Each attempt draws its own jitter from a range that starts where the previous one ended, so delays
 * never shrink while a page keeps failing, and pages that dropped together spread out: [0.25 s, 1 s],
 * then [1, 2], [2, 4], … up to the 30 s cap.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  if (attempt <= 0) return 0;
  if (attempt === 1) return 250 + random() * 750;
  const low = Math.min(CAP_MS, 1000 * 2 ** (attempt - 2));
  const high = Math.min(CAP_MS, 1000 * 2 ** (attempt - 1));
  return low + random() * (high - low);
}

/** Waits of a bounded retry: 500 ms, then 1 s (as Chatwoot's widget retries its recovery fetch). */
export const RECOVERY_WAITS_MS = [500, 1000] as const;

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
