/**
 * The payload screen against Bolt's real routing, in process: every recorded Slack payload, bent at
 * random (any field replaced by any JSON value, or removed), is either refused by the screen or routed
 * by Bolt 5 without a throw, so over HTTP it can never become a 5xx or an unhandled rejection. The
 * listeners are our fallbacks and a catch-all event listener (acks only), behind the same global
 * middleware as production; the token is static, so nothing leaves the process.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, ignoreSelf, type Receiver } from '@slack/bolt';
import fc from 'fast-check';
import { registerFallbacks } from '../../src/platforms/slack/listeners/fallbacks';
import { parseSlackBody, screenSlackPayload } from '../../src/platforms/slack/payload-screen';
import { ownWorkspaceOnly } from '../../src/platforms/slack/workspace-guard';

type Json = unknown;
const FIXTURE_DIRS = [
  join(__dirname, '..', 'fixtures', 'slack'),
  join(__dirname, '..', '..', 'src', 'sandbox', 'fixtures', 'slack'),
];
// users-info.json is a Web API answer, not something Slack sends to an app; the Home-tab event is an inner event.
const fixtures: Json[] = FIXTURE_DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'users-info.json')
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>)
    .map((body) => (body.type === 'app_home_opened' ? { type: 'event_callback', team_id: 'T1', event: body } : body)),
);

const isContainer = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null;
/** Every path to a value inside `v` (the root included). */
const pathsOf = (v: Json, prefix: string[] = []): string[][] => [
  prefix,
  ...(isContainer(v) ? Object.keys(v).flatMap((k) => pathsOf(v[k], [...prefix, k])) : []),
];
/** `v` with the value at `path` replaced (`undefined`: removed). */
function replaced(v: Json, path: string[], value: Json): Json {
  if (path.length === 0) return value;
  const copy: Record<string, Json> = Array.isArray(v)
    ? ([...(v as Json[])] as unknown as Record<string, Json>)
    : { ...(v as Record<string, Json>) };
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0 && value === undefined) delete copy[head];
  else copy[head] = replaced(copy[head], rest, value);
  return copy;
}

const oneChange = (body: Json) =>
  fc.tuple(fc.constantFrom(...pathsOf(body)), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined)));
/** A recorded payload with one to three fields replaced by any JSON value or removed. */
const bentPayload = fc
  .constantFrom(...fixtures)
  .chain((fixture) =>
    fc
      .array(oneChange(fixture), { minLength: 1, maxLength: 3 })
      .map((changes) => changes.reduce((body, [path, value]) => replaced(body, path, value), fixture)),
  );

const receiver: Receiver = { init: () => undefined, start: async () => undefined, stop: async () => undefined };
const quiet = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  setLevel() {},
  getLevel: () => 'error' as never,
  setName() {},
};
let app: App;

beforeAll(() => {
  app = new App({
    token: 'xoxb-static',
    botId: 'B0A1BOTID01',
    botUserId: 'U0A1SYMBOT1',
    receiver,
    tokenVerificationEnabled: false,
    ignoreSelf: false,
    logger: quiet,
    convoStore: false,
  });
  app.use(ignoreSelf);
  app.use(ownWorkspaceOnly('T0A1B2C3D4E'));
  registerFallbacks(app);
  app.event(/.*/, async () => undefined);
});

test('the recorded payloads themselves all pass the screen', () => {
  expect(fixtures.map((f) => [(f as { type?: string }).type ?? 'command', screenSlackPayload(f).kind])).toEqual(
    fixtures.map((f) => [(f as { type?: string }).type ?? 'command', expect.stringMatching(/^(pass|rate-limited)$/)]),
  );
});

test('the screen never throws, whatever JSON it is given', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => void screenSlackPayload(value)),
    { numRuns: 2000 },
  );
});

/** Values that break code which trusts a field's type: each stands for a kind (null, nothing, number, string, list, object…). */
const ODD_VALUES: Json[] = [null, undefined, 0, 7, '', 'x', true, [], [null], ['x'], {}, { id: null }];

test('every field of every recorded payload (to three levels), set to each odd value: refused, or routed by Bolt without a throw', async () => {
  let routed = 0;
  let refused = 0;
  for (const fixture of fixtures) {
    for (const path of pathsOf(fixture).filter((p) => p.length <= 3)) {
      for (const value of ODD_VALUES) {
        const body = replaced(fixture, path, value);
        if (screenSlackPayload(body).kind !== 'pass') {
          refused += 1;
          continue;
        }
        routed += 1;
        await expect(
          app.processEvent({ body: body as Record<string, unknown>, ack: async () => undefined }),
        ).resolves.toBeUndefined();
      }
    }
  }
  // Both sides are exercised: most odd values in harmless fields still pass, those in fields Bolt reads are refused.
  expect(routed).toBeGreaterThan(1000);
  expect(refused).toBeGreaterThan(500);
});

test('a bent payload (several random changes) is refused by the screen, or Bolt routes it without throwing', async () => {
  let routed = 0;
  await fc.assert(
    fc.asyncProperty(bentPayload, async (body) => {
      if (screenSlackPayload(body).kind !== 'pass') return;
      routed += 1;
      await app.processEvent({ body: body as Record<string, unknown>, ack: async () => undefined });
    }),
    { numRuns: 3000 },
  );
  // The property is not vacuous: plenty of bent payloads still pass and reach Bolt.
  expect(routed).toBeGreaterThan(500);
});

test('HTTP bodies go through the same parse Bolt uses: a form payload of null is refused, not handed on', () => {
  const parsed = parseSlackBody('payload=null', 'application/x-www-form-urlencoded');
  expect(parsed.ok && screenSlackPayload(parsed.body)).toEqual({
    kind: 'refused',
    code: 'body_not_object',
    detail: 'the payload is null, not an object',
  });
});
