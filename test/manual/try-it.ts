/**
 * Runs the check-in scenario by hand against the fake Slack: `npm run try` (after `npm run build`).
 * Starts the fake Slack Web API and the built app on loopback, then plays a manager and three
 * teammates: setup → now → each clicks a score and leaves a comment → status. Prints what each
 * person would see. Needs PostgreSQL and Redis (DATABASE_URL, REDIS_URL; defaults to localhost).
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startApp, waitFor } from '../support/app-process';
import { startFakeSlack, type StoredMessage } from '../support/fake-slack';
import {
  blockActionBody,
  postToSlackApp,
  slashCommandBody,
  viewSubmissionBody,
  type SlackRequestBody,
} from '../support/slack-requests';

const SECRET = 'try-it-signing-secret-0123456789';
const TEAM = 'T0TRYIT';
const CHANNEL = 'C0TRYIT';
const PEOPLE = [
  {
    id: 'UMANAGER',
    name: 'maya',
    tz: 'Europe/Stockholm',
    score: 8,
    comment: 'Good sprint, the release went out calmly.',
  },
  { id: 'UTEAM01', name: 'omar', tz: 'America/New_York', score: 6, comment: 'Too many meetings this week.' },
  { id: 'UTEAM02', name: 'lena', tz: 'Asia/Kolkata', score: 9, comment: '' },
];

/** The text a person sees in a Slack message (blocks flattened). */
function visibleText(m: StoredMessage): string {
  const parts: string[] = [];
  for (const b of (m.blocks ?? []) as Array<Record<string, unknown>>) {
    const text = (b.text as { text?: string } | undefined)?.text;
    if (text) parts.push(text);
    const elements = (b.elements ?? []) as Array<{ text?: string | { text: string } }>;
    const labels = elements.map((e) => (typeof e.text === 'string' ? e.text : e.text?.text)).filter(Boolean);
    if (labels.length) parts.push(b.type === 'actions' ? labels.map((l) => `[${l}]`).join(' ') : labels.join(' '));
  }
  return parts.join('\n') || (m.text ?? '');
}

async function main(): Promise<void> {
  const base = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `symmetry_try_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const dbUrl = new URL(base);
  dbUrl.pathname = `/${dbName}`;

  const slack = await startFakeSlack({ teamId: TEAM });
  for (const p of PEOPLE) slack.addUser({ id: p.id, name: p.name, tz: p.tz, locale: 'en-US' });
  slack.addUser({ id: 'UBOT', name: 'deploybot', isBot: true });
  slack.addChannel(CHANNEL, [...PEOPLE.map((p) => p.id), 'UBOT'], { name: 'team-atlas' });
  const app = await startApp({
    SLACK_BOT_TOKEN: 'xoxb-try-it',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.url,
    DATABASE_URL: dbUrl.toString(),
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `symtry${randomBytes(3).toString('hex')}`,
    ANONYMITY_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    TICK_SECONDS: '1',
  });
  const send = (body: SlackRequestBody) => postToSlackApp(`${app.url}/slack/events`, { ...body, secret: SECRET });
  let seq = 0;
  const pulse = async (text: string) => {
    const id = `try-${++seq}`;
    await send(
      slashCommandBody({
        command: '/pulse',
        text,
        userId: 'UMANAGER',
        channelId: CHANNEL,
        teamId: TEAM,
        responseUrl: slack.responseUrl(id),
      }),
    );
    const [reply] = await waitFor(() => (slack.responses(id).length ? slack.responses(id) : null), `/pulse ${text}`);
    console.log(`\n> maya: /pulse ${text}\n  (only maya sees) ${(reply as { text: string }).text}`);
  };

  try {
    await pulse('setup');
    await new Promise((r) => setTimeout(r, 1000));
    await pulse('now');
    await waitFor(() => PEOPLE.every((p) => slack.dmOf(p.id).length === 1), 'the check-in DMs');
    for (const p of PEOPLE) {
      const dm = slack.dmOf(p.id)[0]!;
      console.log(`\n--- DM to ${p.name} (${p.tz}) ---\n${visibleText(dm)}`);
      const actions = (
        dm.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>
      ).find((b) => b.type === 'actions');
      const button = actions!.elements!.find((e) => e.action_id === `checkin_score_${p.score}`)!;
      await send(
        blockActionBody({
          userId: p.id,
          teamId: TEAM,
          actionId: button.action_id,
          value: button.value,
          channelId: dm.channel,
          messageTs: dm.ts,
          responseUrl: slack.responseUrl(`click-${p.id}`),
        }),
      );
      const modal = await waitFor(
        () => slack.callsTo('views.open').find((c) => JSON.stringify(c.args.view).includes(JSON.parse(button.value).d)),
        'the modal',
      );
      console.log(`> ${p.name} clicks [${p.score}] → a modal asks "What's behind your score this week?"`);
      if (p.comment) {
        const view = modal.args.view as { private_metadata: string };
        await send(
          viewSubmissionBody({
            userId: p.id,
            teamId: TEAM,
            callbackId: 'checkin_comment',
            privateMetadata: view.private_metadata,
            values: { comment: { comment: { type: 'plain_text_input', value: p.comment } } },
            viewId: `V${p.id}`,
          }),
        );
        console.log(`> ${p.name} writes: "${p.comment}"`);
      }
      await waitFor(
        () => visibleText(slack.dmOf(p.id)[0]!).includes(p.comment ? 'comment is saved' : 'Saved'),
        'the saved answer',
      );
      console.log(`--- ${p.name}'s DM now ---\n${visibleText(slack.dmOf(p.id)[0]!)}`);
    }
    await pulse('status');

    // Three answers are below the default threshold of 5; lower it to 3 (the minimum) for this small team.
    await pulse('config threshold 3');
    // Let three days pass: end the round's window now, and the next tick closes it and posts the summary.
    const db = new Client({ connectionString: dbUrl.toString() });
    await db.connect();
    await db.query(`update rounds set closes_at = now() where status = 'open'`);
    await db.end();
    const summary = await waitFor(
      () => slack.messagesIn(CHANNEL).find((m) => /Team pulse/.test(visibleText(m))),
      'the summary',
      20_000,
    );
    console.log(`\n--- posted to #team-atlas ---\n${visibleText(summary)}`);
    console.log(
      `\nThe bot made ${slack.calls.length} Slack API calls; the deploy bot got ${slack.dmOf('UBOT').length} DMs.`,
    );
  } finally {
    await app.stop();
    await slack.close();
    await admin.query(`drop database ${dbName} with (force)`);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
