/** Reads an app's GET /metrics (Prometheus text format) into samples a test can add up. */

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Every sample the app exposes now. */
export async function readMetrics(appUrl: string): Promise<Sample[]> {
  const text = await (await fetch(`${appUrl}/metrics`)).text();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) continue;
    const labels = Object.fromEntries(
      [...(m[2] ?? '').matchAll(/([a-zA-Z_]+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1]!, l[2]!]),
    );
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return samples;
}

/** The sum of the samples named `name` whose labels all match `where` (a string, or a test on the value). */
export function sumOf(
  samples: Sample[],
  name: string,
  where: Record<string, string | ((value: string) => boolean)> = {},
): number {
  return samples
    .filter(
      (s) =>
        s.name === name &&
        Object.entries(where).every(([k, v]) =>
          typeof v === 'string' ? s.labels[k] === v : s.labels[k] !== undefined && v(s.labels[k]!),
        ),
    )
    .reduce((total, s) => total + s.value, 0);
}

/** The counter `name` (summed over `where`) of the app at `appUrl`, read now. */
export async function counter(
  appUrl: string,
  name: string,
  where: Record<string, string | ((value: string) => boolean)> = {},
): Promise<number> {
  return sumOf(await readMetrics(appUrl), name, where);
}
