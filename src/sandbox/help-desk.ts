/**
 * The help desk of the customers team Atlas serves. Every working day at noon UTC it sends that
 * day's CSAT to the bot's real `POST /api/signals` with the bearer token, as a help desk's daily
 * export would (README, "Sending customer figures"). Customers feel the team's mood a round later:
 * a day's CSAT follows the average mood of the team's latest closed round (what the simulated people
 * really answered), plus noise from the seeded random source, so `/pulse symmetry` has a true
 * relation to find and the same seed always tells the same story.
 */
import type { Random } from './random';

/** `source` of every figure it sends (one value per team, metric, source and UTC day). */
export const HELP_DESK_SOURCE = 'helpdesk-daily';
/** The share of good ratings (%) customers give when the team's mood is 7 of 10, and how much each point of mood moves it. */
const CSAT_AT_MOOD_7 = 80;
const CSAT_PER_MOOD_POINT = 6;

/** One day's figure as the help desk sent it, and what the bot answered. */
export interface SentSignal {
  /** ISO instant the figure is for (its UTC day is the day it counts on). */
  at: string;
  day: string;
  metric: 'csat';
  /** CSAT in %, one decimal. */
  value: number;
  /** Ratings behind the figure (it weighs the day in a round's average). */
  responses: number;
  /** The team mood it follows: the latest closed round's average, or the team's usual mood before any round closed. */
  followsMood: number;
  /** The bot's HTTP status, and `stored` from its answer (null when it answered otherwise). */
  status: number;
  stored: number | null;
}

/**
 * A day's CSAT (the share of good ratings, 0–100, one decimal) and its number of ratings, given the team mood
 * customers feel: each of 18–45 customers rates good with a chance set by that mood, so a day's figure is as
 * noisy as a real day's few dozen ratings are.
 */
export function dayCsat(mood: number, random: Random): { value: number; responses: number } {
  const chance = Math.min(0.99, Math.max(0.05, (CSAT_AT_MOOD_7 + CSAT_PER_MOOD_POINT * (mood - 7)) / 100));
  const responses = random.int(18, 45);
  let good = 0;
  for (let i = 0; i < responses; i++) if (random.chance(chance)) good += 1;
  return { value: Math.round((1000 * good) / responses) / 10, responses };
}

/** POSTs one day's CSAT for a team (its channel id) to the bot; resolves with the status and the stored count. */
export async function sendCsat(
  appUrl: string,
  token: string,
  team: string,
  figure: { at: Date; value: number; responses: number },
): Promise<{ status: number; stored: number | null }> {
  const res = await fetch(`${appUrl}/api/signals`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify([
      {
        team,
        metric: 'csat',
        value: figure.value,
        responses: figure.responses,
        at: figure.at.toISOString(),
        source: HELP_DESK_SOURCE,
      },
    ]),
  });
  const body = (await res.json().catch(() => null)) as { stored?: unknown } | null;
  return { status: res.status, stored: typeof body?.stored === 'number' ? body.stored : null };
}
