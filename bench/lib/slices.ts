/**
 * A baseline that runs in slices: its process starts once (setup on the first stdin line), then
 * runs one slice per further line (`{ count, ... }`) and answers each with one JSON line. The
 * benchmark alternates these slices with the app's own (A, B, A, B), so every figure and its
 * baseline see the same machine at the same moments.
 */
import { createInterface } from 'node:readline';

/** Reads the setup line, then runs `slice` for each further line and prints its result as one JSON line. */
export async function serveSlices<Setup, Input, Output>(
  start: (setup: Setup) => Promise<{ slice(input: Input): Promise<Output>; close(): Promise<void> }>,
): Promise<void> {
  const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done) throw new Error('no setup line on stdin');
  const server = await start(JSON.parse(first.value as string) as Setup);
  for (let line = await lines.next(); !line.done; line = await lines.next()) {
    const output = await server.slice(JSON.parse(line.value as string) as Input);
    process.stdout.write(`${JSON.stringify(output)}\n`);
  }
  await server.close();
}

/** What a slice reports: how many calls or jobs, and how long they took from the first to the last. */
export interface SliceResult {
  count: number;
  seconds: number;
  perSecond: number;
}

/** Adds up slices: the total count over the total time (each slice timed alone). */
export function totalOf(slices: SliceResult[]): SliceResult {
  const count = slices.reduce((a, s) => a + s.count, 0);
  const seconds = slices.reduce((a, s) => a + s.seconds, 0);
  return { count, seconds, perSecond: count / seconds };
}
