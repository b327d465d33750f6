/**
 * The Teams adapter's pure parts: configuration rules, Teams text → the core's tokens (and back),
 * the per-conversation limits and retries, inline chart images within Teams' picture limits, and the
 * app package checked against the manifest schema.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { parseKudosTokens } from '../../src/core/commands/kudos-parser';
import { parsePulseTokens } from '../../src/core/commands/pulse-parser';
import { isSymmetryError } from '../../src/core/errors';
import { buildSymmetry } from '../../src/core/symmetry';
import { renderSymmetryChart } from '../../src/platforms/charts/symmetry-chart';
import { createTeamsLimiter } from '../../src/platforms/teams/limits';
import { imageMessage, MAX_IMAGE_BYTES, pngSize } from '../../src/platforms/teams/render';
import { decodeEntities } from '../../src/core/commands/mentions';
import { catalogs, SUPPORTED_LANGUAGES } from '../../src/core/i18n';
import {
  baseConversationId,
  tokenizeTeamsText,
  toTeamsMarkdown,
  toTeamsPlainText,
  toTeamsTypedText,
} from '../../src/platforms/teams/text';
import { problemsOf } from '../support/config-problems';
import { decodePng } from '../support/png';

const ROOT = join(__dirname, '..', '..');
const base = {
  DATABASE_URL: 'postgres://u@localhost:5432/db',
  REDIS_URL: 'redis://localhost:6379',
  ANONYMITY_SECRET: randomBytes(32).toString('hex'),
};
const teams = {
  TEAMS_APP_ID: '6a7b3c1e-2f4d-4b8a-9c0d-1e2f3a4b5c6d',
  TEAMS_APP_PASSWORD: 'secret',
  TEAMS_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
};

describe('configuration', () => {
  test('Teams alone is a complete configuration; Slack is then off', () => {
    const config = loadConfig({ ...base, ...teams });
    expect(config).toMatchObject({ teamsEnabled: true, slackEnabled: false, TEAMS_APP_TYPE: 'SingleTenant' });
  });

  test('neither platform is refused with one clear sentence', () => {
    expect(problemsOf(base)).toEqual([
      expect.stringMatching(
        /^No chat platform is configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET .* or TEAMS_APP_ID/,
      ),
    ]);
  });

  test('each authentication type asks for exactly what it needs', () => {
    expect(problemsOf({ ...base, TEAMS_APP_ID: teams.TEAMS_APP_ID })).toEqual([
      expect.stringMatching(/^TEAMS_TENANT_ID is missing/),
      expect.stringMatching(/^TEAMS_APP_PASSWORD is missing/),
    ]);
    expect(problemsOf({ ...base, ...teams, TEAMS_APP_TYPE: 'UserAssignedMSI' })).toEqual([
      expect.stringMatching(/^TEAMS_APP_PASSWORD must not be set with TEAMS_APP_TYPE=UserAssignedMSI/),
    ]);
    expect(
      problemsOf({
        ...base,
        TEAMS_APP_ID: teams.TEAMS_APP_ID,
        TEAMS_TENANT_ID: teams.TEAMS_TENANT_ID,
        TEAMS_APP_TYPE: 'UserAssignedMSI',
      }),
    ).toEqual([]);
    expect(problemsOf({ ...base, ...teams, TEAMS_APP_TYPE: 'MultiTenant' })).toEqual([
      expect.stringMatching(/^TEAMS_APP_TYPE must be one of SingleTenant, UserAssignedMSI/),
    ]);
    expect(problemsOf({ ...base, ...teams, TEAMS_APP_ID: 'not-a-guid' })).toEqual([
      expect.stringMatching(/^TEAMS_APP_ID must be the Azure Bot's Microsoft App ID/),
    ]);
  });

  test('turning authentication off needs the explicit opt-in, never with an app id, never in production', () => {
    expect(loadConfig({ ...base, TEAMS_ALLOW_UNAUTHENTICATED: 'true' })).toMatchObject({ teamsEnabled: true });
    expect(problemsOf({ ...base, TEAMS_ALLOW_UNAUTHENTICATED: 'true', NODE_ENV: 'production' })).toEqual([
      expect.stringMatching(/^TEAMS_ALLOW_UNAUTHENTICATED=true is refused with NODE_ENV=production/),
    ]);
    expect(problemsOf({ ...base, ...teams, TEAMS_ALLOW_UNAUTHENTICATED: 'true' })).toEqual([
      expect.stringMatching(/both set: unset one/),
    ]);
  });

  test('half a Slack configuration is still named, even beside Teams', () => {
    expect(problemsOf({ ...base, ...teams, SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([
      expect.stringMatching(/^SLACK_SIGNING_SECRET is missing/),
    ]);
  });

  test('the process refuses to start unauthenticated in production', () => {
    const entry = join(ROOT, 'dist', 'main', 'start.js');
    const result = spawnSync(process.execPath, [entry, 'web'], {
      env: { PATH: process.env.PATH, ...base, TEAMS_ALLOW_UNAUTHENTICATED: 'true', NODE_ENV: 'production' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/TEAMS_ALLOW_UNAUTHENTICATED=true is refused with NODE_ENV=production/);
  });
});

describe('Teams text', () => {
  const ana = { type: 'mention', text: '<at>Ana Lima</at>', mentioned: { id: '29:1ana', name: 'Ana Lima' } };
  const bot = { type: 'mention', text: '<at>Symmetry</at>', mentioned: { id: '28:bot', name: 'Symmetry' } };

  test('the bot mention is dropped, people become user tokens the core parser understands', () => {
    const tokens = tokenizeTeamsText('<at>Symmetry</at> config managers add <at>Ana Lima</at>', [bot, ana], '28:bot');
    expect(parsePulseTokens(tokens)).toEqual({
      ok: true,
      command: { type: 'config-set', setting: { key: 'managers', op: 'add', value: ['29:1ana'] } },
    });
  });

  test('kudos keep people, reason and tags; characters people type are escaped like Slack escapes them', () => {
    const tokens = tokenizeTeamsText('<at>Ana Lima</at> for calming the customer &amp; the team &lt;3 #teamwork', [
      ana,
    ]);
    expect(parseKudosTokens(tokens)).toEqual({
      ok: true,
      command: { recipients: ['29:1ana'], reason: 'calming the customer &amp; the team &lt;3', tags: ['teamwork'] },
    });
  });

  test('markup other than mentions is text, an unknown <at> is a plain word, never a person', () => {
    const tokens = tokenizeTeamsText('<p>status</p>&nbsp;<at>Nobody</at>', []);
    expect(tokens.map((t) => [t.kind, 'text' in t ? t.text : ''])).toEqual([
      ['word', 'status'],
      ['word', '@Nobody'],
    ]);
  });

  test('catalog sentences become Teams markdown with real mentions', () => {
    const out = toTeamsMarkdown(
      ':tada: <@29:1ana> recognized <@29:1ben>\n*Team settings* `/pulse setup`',
      new Map([['29:1ana', 'Ana Lima']]),
    );
    expect(out.text).toBe('🎉 <at>Ana Lima</at> recognized someone\n**Team settings** `pulse setup`');
    expect(out.mentions).toEqual([
      { type: 'mention', text: '<at>Ana Lima</at>', mentioned: { id: '29:1ana', name: 'Ana Lima' } },
    ]);
  });

  test('plain text: no bold marks, people by name, commands as typed to the bot, links spelled out', () => {
    const names = new Map([['29:1ana', 'Ana Lima']]);
    expect(
      toTeamsPlainText('Kudos on their way to <@29:1ana> and <@29:1ben>. *Thank you!* `/kudos @alex`', names),
    ).toBe('Kudos on their way to Ana Lima and someone. Thank you! `kudos @alex`');
    expect(
      toTeamsPlainText(
        '<https://x.test/m|See the message> :tada: &lt;3 <!date^1800000000^{date}|2027-01-15 08:00 UTC>',
      ),
    ).toBe('See the message (https://x.test/m) 🎉 <3 2027-01-15 08:00 UTC');
  });

  test('typed free text keeps what the person wrote, with people as @name and channels as #name', () => {
    expect(
      toTeamsTypedText(
        'thanks <@29:1ana> in <#19:c|general> for *this* :wave: &amp; `/pulse now` &lt;3',
        new Map([['29:1ana', 'Ana']]),
      ),
    ).toBe('thanks @Ana in #general for *this* :wave: & `/pulse now` <3');
  });

  test('a thread reply names its channel with a suffix that is not part of the channel id', () => {
    expect(baseConversationId('19:abc@thread.tacv2;messageid=1700000000123')).toBe('19:abc@thread.tacv2');
  });
});

describe('limits', () => {
  function fakeTime() {
    let t = 0;
    const sleeps: number[] = [];
    return {
      now: () => t,
      sleep: async (ms: number) => void (sleeps.push(ms), (t += ms)),
      sleeps,
      advance: (ms: number) => (t += ms),
    };
  }
  const httpError = (status: number, retryAfter?: string) =>
    Object.assign(new Error(`http ${status}`), {
      statusCode: status,
      response: { status, headers: { get: (h: string) => (h === 'retry-after' ? retryAfter : undefined) } },
    });

  test('seven sends a second per conversation; the eighth waits for the window', async () => {
    const time = fakeTime();
    const limiter = createTeamsLimiter({ now: time.now, sleep: time.sleep, random: () => 0.5 });
    for (let i = 0; i < 7; i += 1) await limiter.run('conv-a', async () => i);
    expect(time.sleeps).toEqual([]);
    await limiter.run('conv-b', async () => 'other conversations are not held up');
    expect(time.sleeps).toEqual([]);
    await limiter.run('conv-a', async () => 8);
    expect(time.sleeps).toEqual([1000]);
  });

  test('sixty in thirty seconds: a long wait goes back to the queue as Retry-After', async () => {
    const time = fakeTime();
    const limiter = createTeamsLimiter({ now: time.now, sleep: time.sleep });
    for (let i = 0; i < 60; i += 1) {
      await limiter.run('conv', async () => i);
      time.advance(200);
    }
    const err = await limiter.run('conv', async () => 61).catch((e: unknown) => e);
    expect(isSymmetryError(err, 'platform_rate_limited')).toBe(true);
    expect(Number((err as { params: { retryAfterMs: number } }).params.retryAfterMs)).toBeGreaterThan(2000);
  });

  test('429, 412, 502 and 504 are retried with backoff (Retry-After honoured); 403 is not retried', async () => {
    for (const status of [429, 412, 502, 504]) {
      const time = fakeTime();
      const limiter = createTeamsLimiter({ now: time.now, sleep: time.sleep, random: () => 1 });
      let calls = 0;
      const result = await limiter.run('conv', async () => {
        calls += 1;
        if (calls < 3) throw httpError(status, status === 429 ? '1' : undefined);
        return 'ok';
      });
      expect([result, calls]).toEqual(['ok', 3]);
      expect(time.sleeps).toEqual(status === 429 ? [1000, 1000] : [500, 1000]);
    }
    let calls = 0;
    const blocked = await createTeamsLimiter({ sleep: async () => undefined })
      .run('conv', async () => {
        calls += 1;
        throw httpError(403);
      })
      .catch((e: unknown) => e);
    expect([calls, (blocked as { statusCode: number }).statusCode]).toEqual([1, 403]);
  });

  test('after the last attempt a 429 is handed to the queue as a rate limit, others as a platform error', async () => {
    const limiter = createTeamsLimiter({ sleep: async () => undefined, random: () => 0 });
    const throttled = await limiter.run('c', async () => Promise.reject(httpError(429, '30'))).catch((e: unknown) => e);
    expect(isSymmetryError(throttled, 'platform_rate_limited') && throttled.params.retryAfterMs).toBe(30_000);
    const failing = await limiter.run('d', async () => Promise.reject(httpError(502))).catch((e: unknown) => e);
    expect(isSymmetryError(failing, 'platform_error') && failing.params.status).toBe(502);
  });
});

describe('images', () => {
  const chart = (width: number, height: number) =>
    renderSymmetryChart(
      buildSymmetry(
        [0, 1, 2].map((i) => ({
          facts: {
            roundId: `r${i}`,
            period: `p${i}`,
            closesAt: new Date(Date.UTC(2026, 2, 6 + 7 * i)),
            invited: 5,
            respondents: 5,
            responses: [6, 7, 7, 8, 8].map((score) => ({ questionId: 'mood', score, comment: null })),
          },
          opensAt: new Date(Date.UTC(2026, 2, 4 + 7 * i)),
        })),
        [],
        5,
        0,
      ),
      'en',
      { width, height },
    );

  test('a chart is an inline picture: image/png with the bytes as a data URI, its title as the text', async () => {
    const content = await chart(800, 400);
    const message = imageMessage({ name: 'pulse.png', title: 'Team mood and customer satisfaction', content });
    expect(message).toMatchObject({
      type: 'message',
      text: 'Team mood and customer satisfaction',
      attachments: [{ contentType: 'image/png', name: 'pulse.png' }],
    });
    const url = message.attachments![0]!.contentUrl!;
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    const decoded = decodePng(Buffer.from(url.slice('data:image/png;base64,'.length), 'base64'));
    expect([decoded.width, decoded.height]).toEqual([800, 400]);
    // The largest PNG let through still fits the Bot Connector's 256 KB request as base64, with room for the rest of the activity.
    expect(Math.ceil(MAX_IMAGE_BYTES / 3) * 4 + 10_000).toBeLessThan(262_144);
    expect(pngSize(content)).toEqual({ width: 800, height: 400 });
  });

  test('a picture Teams would not show is refused for good, not sent', async () => {
    const refusal = (content: Uint8Array) => {
      try {
        imageMessage({ name: 'x.png', title: 'x', content });
        return null;
      } catch (err) {
        return isSymmetryError(err, 'invalid_input') ? err.params.error : err;
      }
    };
    expect(refusal(await chart(1200, 400))).toBe('image_too_large');
    expect(refusal(Buffer.from('not a png at all, just some bytes'))).toBe('image_not_png');
    const huge = Buffer.concat([Buffer.from(await chart(400, 200)), Buffer.alloc(MAX_IMAGE_BYTES)]);
    expect(refusal(huge)).toBe('image_too_large');
  });
});

describe('app package', () => {
  const env = {
    PATH: process.env.PATH ?? '',
    TEAMS_APP_ID: '6A7B3C1E-2F4D-4B8A-9C0D-1E2F3A4B5C6D',
    PUBLIC_HOSTNAME: 'symmetry.example.com',
  };

  test('npm run teams:package writes a zip with the manifest (valid against the v1.19 schema) and both icons', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'teams-')), 'app.zip');
    const result = spawnSync(process.execPath, [join(ROOT, 'teams', 'package.mjs'), '--out', out], {
      env,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/valid against its schema/);
    const zip = readFileSync(out);
    expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    for (const name of ['manifest.json', 'color.png', 'outline.png'])
      expect(zip.includes(Buffer.from(name))).toBe(true);
  });

  test('the manifest lists the commands, the message action and the bot in every scope; a broken one is caught', () => {
    const script = `
      import { buildManifest, validateManifest } from ${JSON.stringify(join(ROOT, 'teams', 'package.mjs'))};
      const m = buildManifest(process.env);
      const broken = structuredClone(m);
      broken.bots[0].commandLists[0].commands[0].title = 'x'.repeat(40);
      delete broken.composeExtensions[0].commands[0].id;
      process.stdout.write(JSON.stringify({ m, ok: await validateManifest(m), broken: await validateManifest(broken) }));`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.stderr).toBe('');
    const { m, ok, broken } = JSON.parse(result.stdout) as { m: Record<string, never>; ok: string[]; broken: string[] };
    expect(ok).toEqual([]);
    expect(broken.join('\n')).toMatch(/commands\/0\/title must NOT have more than 32 characters/);
    expect(broken.join('\n')).toMatch(/must have required property 'id'/);
    expect(m).toMatchObject({
      manifestVersion: '1.19',
      id: '6a7b3c1e-2f4d-4b8a-9c0d-1e2f3a4b5c6d',
      bots: [{ botId: '6a7b3c1e-2f4d-4b8a-9c0d-1e2f3a4b5c6d', scopes: ['team', 'personal', 'groupChat'] }],
      composeExtensions: [{ commands: [{ id: 'giveKudos', type: 'action', context: ['message'], fetchTask: true }] }],
      validDomains: ['symmetry.example.com'],
    });
  });

  test('a missing app id is named before anything is written', () => {
    const result = spawnSync(
      process.execPath,
      [join(ROOT, 'teams', 'package.mjs'), '--out', join(tmpdir(), 'never.zip')],
      { env: { PATH: env.PATH }, encoding: 'utf8', timeout: 30_000 },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/TEAMS_APP_ID must be the Azure Bot's Microsoft App ID/);
  });
});

/**
 * The regex chain `toTeamsMarkdown` was before the catalog's markup had a parser, kept verbatim as
 * the oracle of the golden test below: the parser-based renderer must say the same on every sentence.
 */
const LEGACY_EMOJI: Record<string, string> = {
  tada: '🎉',
  raised_hands: '🙌',
  clap: '👏',
  taco: '🌮',
  heart: '❤️',
  '+1': '👍',
  thumbsup: '👍',
  star: '⭐',
};
function legacyToTeamsMarkdown(
  text: string,
  names: ReadonlyMap<string, string> = new Map(),
  channelNames: ReadonlyMap<string, string> = new Map(),
) {
  const mentions: Array<{ type: 'mention'; text: string; mentioned: { id: string; name: string } }> = [];
  const out = text
    .replace(/<@([^>|]+)(?:\|[^>]*)?>/g, (_w, id: string) => {
      const name = names.get(id);
      if (!name) return 'someone';
      const tag = `<at>${name}</at>`;
      if (!mentions.some((m) => m.mentioned.id === id))
        mentions.push({ type: 'mention', text: tag, mentioned: { id, name } });
      return tag;
    })
    .replace(
      /<#([^>|]+)(?:\|([^>]*))?>/g,
      (_w, id: string, label?: string) => `#${channelNames.get(id) ?? label ?? 'channel'}`,
    )
    .replace(/<!date\^\d+\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<(https?:[^>|]+)\|([^>]+)>/g, '[$2]($1)')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/(^|[\s(“"'])\*([^*\n]+)\*(?=$|[\s.,;:!?)”"'])/g, '$1**$2**')
    .replace(/`\/(pulse|kudos)\b/g, '`$1')
    .replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => LEGACY_EMOJI[name] ?? whole);
  return { text: decodeEntities(out), mentions };
}

/** A value for each placeholder, shaped like what the code really passes (people, channels, dates, links, escaped text). */
function sampleParam(name: string, variant: number): string {
  const people = ['<@29:1ana>', '<@29:1ben>', '<@29:1zoe|zoe>'];
  if (/^(user|giver|manager)$/.test(name)) return ['29:1ana', '29:1zoe', '29:1ben'][variant]!;
  if (/^(recipients|managers|receivers|givers)$/.test(name)) return people.slice(0, variant + 1).join(', ');
  if (name === 'channel') return ['19:general', '<#19:general|general>', 'C42'][variant]!;
  if (/^(closesAt|date)$/.test(name))
    return ['<!date^1800000000^{date_short_pretty} {time}|2027-01-15 08:00 UTC>', 'ven. 27 nov.', '2027-01-15'][
      variant
    ]!;
  if (name === 'permalink') return 'https://teams.example/l/message/19:abc/1700000000123';
  if (/^(question|text|reason|excerpt|list|tags|values|themes)$/.test(name))
    return ['fix the &lt;build&gt; &amp; ship', 'Ship *faster*? :tada: yes', 'how we "work" (really)'][variant]!;
  if (name === 'command') return ['/frobnicate', 'pulse', 'x'][variant]!;
  return ['7', '7,4', '12'][variant]!;
}

describe('Teams markdown from the markup parser = the old regex chain (golden)', () => {
  const names = new Map([
    ['29:1ana', 'Ana Lima'],
    ['29:1ben', 'Ben'],
  ]);
  const channelNames = new Map([['19:general', 'General']]);
  const sentences = SUPPORTED_LANGUAGES.flatMap((language) =>
    Object.entries(catalogs[language]).flatMap(([key, entry]) =>
      // An entry may become an object of plural forms: each form is a sentence.
      (typeof entry === 'string' ? [entry] : Object.values(entry as Record<string, string>)).flatMap((template) =>
        [0, 1, 2].map((variant) => ({
          id: `${language} ${key} #${variant}`,
          text: template.replace(/\{(\w+)\}/g, (_w, name: string) => sampleParam(name, variant)),
        })),
      ),
    ),
  );

  test('every catalog sentence in every language, with sample parameters, renders exactly as before', () => {
    expect(sentences.length).toBeGreaterThan(SUPPORTED_LANGUAGES.length * 3 * 150);
    const differing = sentences
      .filter(
        ({ text }) =>
          JSON.stringify(toTeamsMarkdown(text, names, channelNames)) !==
          JSON.stringify(legacyToTeamsMarkdown(text, names, channelNames)),
      )
      .map(({ id, text }) => ({
        id,
        text,
        now: toTeamsMarkdown(text, names, channelNames).text,
        before: legacyToTeamsMarkdown(text, names, channelNames).text,
      }));
    expect(differing).toEqual([]);
  });

  test('the sample sentences exercise every kind of markup', () => {
    const all = sentences.map((s) => toTeamsMarkdown(s.text, names, channelNames).text).join('\n');
    for (const sign of [
      '<at>Ana Lima</at>',
      'someone',
      '#General',
      '#general',
      '**',
      '`pulse ',
      '🎉',
      '](https://',
      '2027-01-15 08:00 UTC',
      '&lt;build&gt;'.replace(/&lt;|&gt;/g, (e) => (e === '&lt;' ? '<' : '>')),
    ]) {
      expect([sign, all.includes(sign)]).toEqual([sign, true]);
    }
  });
});
