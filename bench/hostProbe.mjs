// Preloaded (node --expose-gc --import) into the `warroom serve` child the browser benchmarks start.
// On SIGUSR2 it runs a full garbage collection and prints one line with process.memoryUsage(), so
// the bench can report the host's live memory apart from garbage not yet collected. Bench-only: the
// product never loads this file.
import process from 'node:process';

process.on('SIGUSR2', () => {
  // Twice: the first pass can leave objects whose finalizers free more on the second.
  globalThis.gc?.();
  globalThis.gc?.();
  process.stdout.write(`bench-memory ${JSON.stringify(process.memoryUsage())}\n`);
});
