import cliProgress from 'cli-progress';

/**
 * One progress bar per phase of a long job, drawn on stderr when it is a terminal
 * (cli-progress draws nothing otherwise, so scripts and pipes stay clean).
 */
export function progressBars(): { update: (phase: string, done: number, total: number) => void; stop: () => void } {
  let bar: cliProgress.SingleBar | undefined;
  let current = '';
  return {
    update(phase, done, total) {
      if (phase !== current) {
        bar?.stop();
        current = phase;
        bar = new cliProgress.SingleBar(
          { format: `${phase.padEnd(14)} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`, stream: process.stderr, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0);
      }
      bar?.setTotal(total);
      bar?.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}

/** Runs long work with progress bars that are always taken down, even on failure. */
export async function withProgress<T>(work: (update: (phase: string, done: number, total: number) => void) => Promise<T>): Promise<T> {
  const bars = progressBars();
  try {
    return await work(bars.update);
  } finally {
    bars.stop();
  }
}
