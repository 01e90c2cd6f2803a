// Axis helpers for the report's charts: a "nice" rounded axis maximum and evenly spaced tick values. Pure.

/**
 * The smallest 1-, 2- or 5-times-a-power-of-ten step giving at most `maxTicks` intervals up to `value`.
 * @example niceStep(241, 5) // 50
 */
export function niceStep(value: number, maxTicks = 5): number {
  if (!(value > 0)) return 1;
  const raw = value / maxTicks;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return Math.max(1, m * power);
  return Math.max(1, 10 * power);
}

/**
 * Tick values from 0 to the first step at or above `value`.
 * @example axisTicks(241, 5) // [0, 50, 100, 150, 200, 250]
 */
export function axisTicks(value: number, maxTicks = 5): number[] {
  const step = niceStep(value, maxTicks);
  const ticks: number[] = [0];
  const top = Math.max(step, Math.ceil(value / step) * step);
  for (let t = step; t <= top + step / 1e9; t += step) ticks.push(Math.round(t * 1e9) / 1e9);
  return ticks;
}
