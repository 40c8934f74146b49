/** Minutes to wait after the n-th failed attempt (1-based); after the last, the message is given up. */
export const RETRY_DELAYS_MINUTES = [1, 5, 30, 120, 480] as const;
/** Attempts in all: the first one plus one retry per delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MINUTES.length + 1;

/** When to try again after `attempts` failed attempts, or null to give up. */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  const delay = RETRY_DELAYS_MINUTES[attempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay * 60_000);
}
