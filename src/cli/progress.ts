// Progress and stage timings on stderr. A live line only on a TTY (and not with --quiet); silent otherwise.
// timings() also gives the process's CPU time so far; RECONCILE_TIMINGS=1 logs each stage's end with the heap, array buffers, resident set size and its peak so far.
import type { CliIO } from './io.js';

export interface Progress {
  stage(name: string, event: 'start' | 'end', info?: { done?: number; total?: number }): void;
  timings(): Record<string, number>;
  done(): void;
}

export function createProgress(io: CliIO, enabled: boolean): Progress {
  const live = enabled && Boolean(io.stderr.isTTY);
  const log = Boolean(io.env.RECONCILE_TIMINGS);
  const started = new Map<string, number>();
  const spent: Record<string, number> = {};
  let lastDraw = 0;
  const draw = (text: string) => {
    if (!live) return;
    io.stderr.write(`\r\x1b[2K${text}`);
  };
  return {
    stage(name, event, info) {
      const now = performance.now();
      if (event === 'start') {
        if (!started.has(name)) started.set(name, now);
        if (info?.total !== undefined && info.done !== undefined) {
          if (now - lastDraw < 100 && info.done !== info.total) return;
          lastDraw = now;
          const t0 = started.get(name)!;
          const rate = info.done / Math.max(1e-3, (now - t0) / 1000);
          const pct = info.total > 0 ? Math.floor((100 * info.done) / info.total) : 100;
          const width = 24;
          const filled = Math.round((width * pct) / 100);
          draw(`${name.padEnd(10)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}% ${info.done.toLocaleString('en')}/${info.total.toLocaleString('en')} ${Math.round(rate).toLocaleString('en')}/s`);
        } else {
          draw(`${name}…`);
        }
      } else {
        const t0 = started.get(name);
        if (t0 !== undefined) {
          spent[name] = (spent[name] ?? 0) + (now - t0);
          started.delete(name);
          // With RECONCILE_TIMINGS, each finished stage is logged as it ends (a run that dies shows how far it got).
          if (log) {
            const m = process.memoryUsage();
            const mib = (x: number) => Math.round(x / 2 ** 20);
            const peak = Math.round(process.resourceUsage().maxRSS / 1024);
            io.stderr.write(`stage ${name} ${Math.round(now - t0)} ms, heap ${mib(m.heapUsed)} MiB, array buffers ${mib(m.arrayBuffers)} MiB, rss ${mib(m.rss)} MiB, peak rss so far ${peak} MiB\n`);
          }
        }
      }
    },
    timings() {
      const cpu = process.cpuUsage();
      return { ...spent, cpu_ms: Math.round((cpu.user + cpu.system) / 1000) };
    },
    done() {
      if (live) io.stderr.write('\r\x1b[2K');
    },
  };
}
