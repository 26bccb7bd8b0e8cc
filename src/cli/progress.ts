import cliProgress from 'cli-progress';

/** A progress bar on a terminal, one plain line a second elsewhere (logs, CI). */
export function startProgress(label: string) {
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% {value}/{total}`, noTTYOutput: true, notTTYSchedule: 1000, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (done: number, total: number) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
