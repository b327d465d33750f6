/**
 * The `fetch` our Slack WebClient and Bolt's `respond()` use. Node's built-in fetch costs about a
 * millisecond of CPU per Web API call (WHATWG streams on both sides); undici's `request` with a
 * keep-alive pool does the same POST for about half of that (`npm run bench`: a fan-out is one
 * call per person). Only what Slack's clients send goes this way, a string body (form-encoded or
 * JSON); anything else (file uploads' multipart bodies) goes to the built-in fetch unchanged.
 * The answer is a real `Response`, so every client reads it as it reads fetch's own.
 */
import { Agent, request } from 'undici';

/** Keep-alive connections per origin: a worker's concurrent jobs reuse them instead of opening one per call. */
const CONNECTIONS_PER_ORIGIN = 64;

type FetchInput = Parameters<typeof fetch>[0];
type FetchInit = NonNullable<Parameters<typeof fetch>[1]>;

function headersOf(init: FetchInit): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init.headers).forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

/** A fetch for Slack's clients; one connection pool per returned function. */
export function createSlackFetch(): typeof fetch {
  const dispatcher = new Agent({ connections: CONNECTIONS_PER_ORIGIN, keepAliveTimeout: 30_000 });
  const slackFetch = async (input: FetchInput, init: FetchInit = {}): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : undefined;
    const method = (init.method ?? 'GET').toUpperCase();
    if (!url || method !== 'POST' || typeof init.body !== 'string') return fetch(input, init);
    const res = await request(url, {
      method: 'POST',
      headers: headersOf(init),
      body: init.body,
      dispatcher,
      ...(init.signal ? { signal: init.signal } : {}),
    });
    const body = await res.body.arrayBuffer();
    const headers = new Headers();
    for (const [key, value] of Object.entries(res.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    // 1xx/204/304 may not carry a body in a Response.
    const empty = res.statusCode === 204 || res.statusCode === 304;
    return new Response(empty ? null : body, { status: res.statusCode, headers });
  };
  return slackFetch as typeof fetch;
}
