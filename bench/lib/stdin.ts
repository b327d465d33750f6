/** What a bench script run by runScript (bench/lib/infra.ts) was given: the JSON its parent wrote to its stdin. */
export async function readJsonInput<T>(): Promise<T> {
  let raw = '';
  for await (const chunk of process.stdin) raw += String(chunk);
  return JSON.parse(raw) as T;
}
