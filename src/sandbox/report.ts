/** What a sandbox run leaves behind in words: summary.md, and the count of what happened for the terminal's last line. */
import { counted } from './render';
import type { SimulationResult } from './simulation';
import { CHANNEL, MANAGER } from './team';

/** "3 rounds, 24 check-ins, …": what the story did, each count with its noun in the right number. */
export function storyCounts(result: SimulationResult): string {
  return [
    counted(result.rounds.length, 'round'),
    counted(result.checkins, 'check-in'),
    counted(result.reminders, 'reminder'),
    counted(result.answers, 'answer'),
    counted(result.summaries.length, 'summary', 'summaries'),
    counted(result.signals.length, 'daily CSAT figure'),
    `${result.kudosGiven} kudos`,
    counted(result.shoutouts, 'shout-out'),
  ].join(', ');
}

/**
 * Markdown lines with hard line breaks, a blank line after a quote so the next line does not join it, and blank
 * lines around a divider (right under a line of text, "---" would make that line a heading).
 */
function hardLines(text: string): string[] {
  const body = text.split('\n');
  return body.flatMap((l, i) =>
    l === '---' ? ['', l, ''] : [`${l}  `, ...(l.startsWith('>') && !body[i + 1]?.startsWith('>') ? [''] : [])],
  );
}

/** The latest summary as a Markdown file, with the chart beside it when the bot posted one, then the manager's `/pulse symmetry`. */
export function summaryMarkdown(result: SimulationResult, chartFile: string | null): string {
  const latest = result.summaries.at(-1);
  const lines = ['# Symmetry sandbox: the latest team summary', ''];
  if (!latest) return [...lines, 'No round closed during this run, so there is no summary yet.', ''].join('\n');
  lines.push(
    `Posted to #${CHANNEL.name} at ${latest.postedAt.slice(0, 16).replace('T', ' ')} UTC (simulated time), as ${MANAGER.name} sees it.`,
    '',
  );
  lines.push(...hardLines(latest.markdown), '');
  if (chartFile) lines.push(`![The team's trend, as the bot posted it](${chartFile})`, '');
  if (result.symmetry) {
    lines.push('## Team mood beside customer satisfaction', '');
    lines.push(
      `The help desk sent ${counted(result.signals.length, 'daily CSAT figure')} to \`POST /api/signals\`; at the end ${MANAGER.name} typed \`/pulse symmetry\` and saw:`,
      '',
    );
    lines.push(...hardLines(result.symmetry.markdown), '');
  }
  lines.push(
    `Simulated ${counted(result.weeks, 'week')} from ${result.startedAt.slice(0, 10)}: ${storyCounts(result)}.`,
    '',
  );
  return lines.join('\n');
}
