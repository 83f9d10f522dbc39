/** Tiny timing helpers for the benchmark scripts: warm up, then take the median of several runs. */
export function medianMs(fn: () => void, runs = 30, warmup = 5): number {
  for (let i = 0; i < warmup; i += 1) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

export interface BudgetLine {
  name: string;
  value: number;
  unit: string;
  budget: string;
  ok: boolean;
  ratio?: string;
}

/** Prints one aligned line per measurement and returns whether all budgets hold. */
export function report(lines: BudgetLine[]): boolean {
  for (const l of lines) {
    const ratio = l.ratio ? `  (${l.ratio})` : '';
    console.log(
      `${l.ok ? 'PASS' : 'FAIL'}  ${l.name}: ${l.value.toFixed(2)} ${l.unit}  budget ${l.budget}${ratio}`,
    );
  }
  return lines.every((l) => l.ok);
}
