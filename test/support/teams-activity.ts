/** Activities in a Teams channel as the Bot Framework Service posts them, for the end-to-end tests. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { TeamsUser } from './fake-bot-connector';

/** Where the activities happen: the tenant, the bot, the team's General channel (its id is the team id). */
export interface TeamsChannel {
  tenant: string;
  bot: { id: string; name: string };
  channel: string;
  teamName: string;
  /** The fake Bot Connector's URL (the activities' `serviceUrl`). */
  serviceUrl: string;
}

/** An activity from `from` in the channel: `fields` over what every one carries. */
export function channelActivity(
  where: TeamsChannel,
  from: TeamsUser,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  return {
    id: `a:${randomBytes(6).toString('hex')}`,
    timestamp: new Date().toISOString(),
    serviceUrl: where.serviceUrl,
    channelId: 'msteams',
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: where.bot,
    conversation: { id: where.channel, conversationType: 'channel', isGroup: true, tenantId: where.tenant },
    channelData: {
      tenant: { id: where.tenant },
      team: { id: where.channel, name: where.teamName },
      channel: { id: where.channel },
    },
    locale: 'en-US',
    ...fields,
  };
}

/** POSTs an activity to the app's /api/messages; resolves with the HTTP status. */
export async function postActivity(appUrl: string, body: Record<string, unknown>): Promise<number> {
  return (await postActivityAnswered(appUrl, body)).status;
}

/** The same, with the app's answer: an invoke's response body (a card action's message, say). */
export async function postActivityAnswered(
  appUrl: string,
  body: Record<string, unknown>,
): Promise<{ status: number; body: string }> {
  const res = await fetch(`${appUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.text() };
}

/** A Teams user with a fresh id and Entra object id. */
export function teamsUser(name: string): TeamsUser {
  return { id: `29:1${name}${randomBytes(8).toString('hex')}`, aadObjectId: randomUUID(), name };
}
