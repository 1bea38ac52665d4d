/** Sandbox times and durations as the dashboard writes them (its script formats countdowns the same way). */

export function sandboxTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** `89d 23h`, `1h 59m 12s`, `4m 0s`, `42s`: coarse when far, exact when near. */
export function duration(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${minutes}m ${seconds}s`;
  if (minutes > 0) return `${minutes}m ${seconds}s`;
  return `${seconds}s`;
}

/** What a countdown cell says `left` ms before (or after) an expiry. */
export function countdown(left: number): string {
  return left > 0 ? duration(left) : `expired ${duration(left)} ago`;
}
