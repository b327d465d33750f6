/** The English catalog: every user-facing sentence. Placeholders are {name}. */
import { enCommands } from './en-commands';
import { enDrivers } from './en-drivers';
import { enDashboard } from './en-dashboard';
import { enDashboardAuth } from './en-dashboard-auth';

/** The plural categories of English's cardinal rules besides `other`. */
export type EnPlural = 'one';

export const en = {
  ...enCommands,
  ...enDrivers,
  ...enDashboard,
  ...enDashboardAuth,
  'checkin.question': 'How are you feeling at work this week, from 1 (very bad) to 10 (great)?',
  'checkin.privacy':
    'Your answer is anonymous: your team sees only averages of at least {threshold} people, never your name next to a score.',
  'checkin.open_until': 'You can change your answer until {closesAt}.',
  'checkin.selected': 'You answered *{score}*. Saved.',
  'checkin.comment_saved': 'Your comment is saved too. Thank you.',
  'checkin.closed': 'This check-in is closed.',
  'checkin.fallback': 'Check-in: how are you feeling at work this week?',
  'checkin.button_alt': 'Score {score}',
  'reminder.text': 'A gentle reminder: your check-in is still open until {closesAt}. It takes ten seconds.',
  'comment.title': 'Your check-in',
  'comment.question': "What's behind your score this week?",
  'comment.hint':
    'Optional. Anonymous like your score; shown to your team only among at least {threshold} answers, with names, emails and phone numbers removed.',
  'comment.submit': 'Save',
  'comment.cancel': 'Skip',
  'comment.too_long': 'Please keep it to {max} characters (this is {length}).',
  'answer.saving': 'Saving your answer…',
  'answer.retry':
    'We could not confirm your answer just now. Please click your score again in a minute; clicking twice never counts twice.',
  'answer.not_yours': 'This check-in belongs to someone else.',
  'answer.round_closed': 'This check-in has closed, so answers can no longer be changed.',
  'answer.invalid': 'That answer is not valid: please use the buttons of your latest check-in.',
  'answer.out_of_range': 'That answer is not valid: this question takes a score from {min} to {max}.',
  'pulse.setup_started':
    'Setting up this channel as a team. Its human members will be added in a moment; you are its manager. Next: `/pulse schedule fri 14:00`.',
  'pulse.setup_exists': 'This channel is already a team (managed by {managers}). Its member list is being refreshed.',
  'pulse.schedule_set':
    "Check-ins will go out on {days} at {time}, in each member's own time zone, on working days only.",
  'pulse.round_opening': 'Opening a round now: check-ins are on their way to {members} members.',
  'pulse.unscheduled': 'Scheduled check-ins are off for this team. `/pulse schedule fri 14:00` turns them on again.',
  'pulse.round_already_open': 'A round is already open until {closesAt}. `/pulse status` shows how it is going.',
  'pulse.status_open': '{answered} of {total} answered. The round is open until {closesAt}.',
  'pulse.status_none': 'No round is open. `/pulse now` opens one; `/pulse schedule` sets a regular time.',
  'pulse.not_a_team': 'This channel is not a team yet. Run `/pulse setup` here first.',
  'pulse.not_manager': "Sorry, only this team's managers and workspace admins can do that.",
  'pulse.not_a_working_day': "{day} is not one of the team's working days ({workdays}).",
  'pulse.no_members': 'This team has no members yet; add people to the channel first.',
  'pulse.not_available': '`/pulse {command}` is not available in this version yet. `/pulse help` lists what is.',
  'config.show':
    '*Team settings*\n• threshold: {threshold} (no figure is shown for fewer answers)\n• window: {window}\n• reminder: {reminder}\n• holidays: {holidays}\n• workdays: {workdays}\n• timezone: {timezone} (for members whose own is unknown)\n• language: {language}\n• channel: {channel} (summaries go here)\n• managers: {managers}\n• schedule: {schedule}\n• symmetry-lag: {symmetryLag} (0: customers of the same round, 1: one round later)\n• drivers off: {driversOff} (e.g. `/pulse config drivers on growth` asks that one again)',
  'config.show_all': '{team}\n\n{kudos}',
  'config.reminder_not_before_window':
    'The reminder ({reminder}) must come before the round closes ({window}). Shorten the reminder or lengthen the window.',
  'config.schedule_outside_workdays':
    'The schedule uses {days}, which would no longer be a working day. Change the schedule first (`/pulse schedule …`).',
  'config.symmetry_lag_fixed':
    'The customer lag stays at {lag}: this team already has enough rounds beside its customers to show a correlation, and a lag chosen after seeing it would pick the better-looking reading. Choose it before the first rounds.',
  'config.last_manager': 'A team needs at least one manager. Add another manager before removing this one.',
  'config.managers_set': 'Managers are now {managers}.',
  'questions.too_many':
    'A round asks at most {max} custom questions, to keep it short. Remove one first, e.g. `/pulse unask 1`.',
  'questions.added_scale': 'Added question {n} (1–10): "{question}". It is asked from the next round on.',
  'questions.added_text': 'Added question {n} (free text): "{question}". It is asked from the next round on.',
  'questions.none':
    'No custom questions. Add one with `/pulse ask How clear are our priorities?` (1–10) or `/pulse ask --text What should we stop doing?`.',
  'questions.list':
    '*Custom questions* (asked in every new round):\n{list}\nRemove one with `/pulse unask 1` (its number).',
  'questions.no_such': 'There is no question {n}; this team has {count}. `/pulse questions` lists them.',
  'questions.removed': 'Removed "{question}". Rounds already open still ask it.',
  'action.added': 'Posted to the team as action {n}. It is listed under every summary until `/pulse action done {n}`.',
  'action.no_such': 'There is no open action {n}; this team has {count}.',
  'action.done': 'Marked done: "{text}".',
  'action.announcement': '*You said, we did* — from <@{manager}>:\n{text}',
  'summary.none': 'No round has closed yet, so there is nothing to summarize.',
  'summary.header': {
    one: 'The last round, as the team sees it:',
    other: 'The last {count} rounds, as the team sees them:',
  },
  'summary.title': '*Team pulse* — round closed {date}',
  'summary.withheld': 'Not enough answers to keep them anonymous ({needed} needed). Nothing from this round is shown.',
  'summary.rate': 'Response rate: {respondents} of {invited} ({rate}%)',
  'summary.away': 'Away (not asked, not counted): {away}',
  'summary.average': 'Average mood: *{average}* / 10',
  'summary.change_up': '▲ {change} since the previous round',
  'summary.change_down': '▼ {change} since the previous round',
  'summary.change_same': '= same as the previous round',
  'summary.distribution': '1–4: {low} · 5–7: {mid} · 8–10: {high}',
  'summary.question_scale': '"{question}": *{average}* / 10 ({respondents} answers)',
  'summary.question_withheld': '"{question}": not enough answers to show ({needed} needed)',
  'summary.question_text': '"{question}"',
  'summary.comments': '*What people said* (shuffled, names and contact details removed):',
  'summary.themes': 'Recurring themes: {themes}',
  'summary.actions': '*You said, we did* (open actions):',
  'symmetry.none': 'No round has closed yet, so there is nothing to set beside customer satisfaction.',
  'symmetry.header': {
    one: 'Team mood beside customer satisfaction, last round:',
    other: 'Team mood beside customer satisfaction, last {count} rounds:',
  },
  'symmetry.title': '*Symmetry*: team mood beside customer satisfaction',
  'symmetry.mood': 'mood *{mood}* / 10',
  'symmetry.mood_withheld': 'mood not shown (under the threshold)',
  'symmetry.csat': 'CSAT *{value}%*',
  'symmetry.nps': 'NPS *{value}*',
  'symmetry.no_customers': 'no customer figure',
  'symmetry.no_signals':
    'No customer CSAT or NPS for these rounds yet: connect a help desk or survey tool to POST /api/signals.',
  'symmetry.lag_same': 'same round',
  'symmetry.lag_next': 'customers one round later',
  'symmetry.correlation': 'Customer {metric} ({lag}): r = {r}, 95% interval {low} to {high}, n = {n} rounds.',
  'symmetry.undefined': 'Customer {metric} ({lag}): no r, because one side did not change over {n} rounds.',
  'symmetry.no_evidence':
    'Not enough evidence yet of a relation with customer {metric}: the interval includes 0, so it shows no direction.',
  'symmetry.together': 'The whole interval is above 0: team mood and customer {metric} have moved together so far.',
  'symmetry.opposite':
    'The whole interval is below 0: team mood and customer {metric} have moved in opposite directions so far.',
  'symmetry.power':
    'For scale: published team-level links between employee and customer satisfaction are about r = 0.2–0.35 (Harter et al. 2002); a link that size takes about {fewest} (r = 0.35) to {most} (r = 0.2) rounds with both figures before it could show.',
  'symmetry.more_rounds': {
    one: 'Customer {metric}: {count} more round with both a team mood and a customer figure is needed before a correlation is shown ({paired} so far).',
    other:
      'Customer {metric}: {count} more rounds with both a team mood and a customer figure are needed before a correlation is shown ({paired} so far).',
  },
  'symmetry.caveat':
    'Correlation is not cause: both may follow something else, such as a launch, the season or staffing.',
  'chart.title': 'Team mood and customer satisfaction',
  'chart.caption': 'Customer {metric} ({lag}): r = {r} [{low}, {high}], n = {n}: {evidence}',
  'chart.evidence_none': 'not enough evidence yet',
  'chart.evidence_positive': 'moving together so far',
  'chart.evidence_negative': 'moving in opposite directions so far',
  'chart.mood_axis': 'Mood (1–10)',
  'chart.customers_axis': 'Response rate / customers',
  'chart.legend_mood': 'Team mood (1–10)',
  'chart.legend_rate': 'Response rate (%)',
  'chart.legend_csat': 'Customer CSAT (%)',
  'chart.legend_nps': 'Customer NPS',
  'chart.on_its_way': 'The trend chart (PNG) is on its way to your messages with Symmetry.',
  'mine.none': 'You have no check-in answers yet.',
  'mine.list': '*Your own answers* (only you can see these):\n{list}',
  'away.set':
    'You are away through {date} (your time zone, {zone}): no check-ins and no reminders until then, and you are not counted in response rates. Back early? `/pulse away off`.',
  'away.status': 'You are away through {date} (your time zone, {zone}). `/pulse away off` ends it now.',
  'away.none': 'You are not away. `/pulse away until 2026-12-24` or `/pulse away 2w` pauses your check-ins.',
  'away.off':
    'Welcome back: you are no longer away. If your team has a round open, your check-in arrives within a couple of minutes.',
  'away.past': '{date} has already passed in your time zone ({zone}; today is {today}). Pick today or a later day.',
  'away.too_far': '{date} is more than a year ahead; the latest you can set is {latest}. Set it again nearer the time.',
  'away.not_member': 'You are not on a Symmetry team yet, so nobody will ask you anything.',
  'home.title': 'Symmetry',
  'home.own_title': '*Your recent check-ins* (only you can see these)',
  'home.own_none': 'No check-ins yet. When your team runs one, it arrives here as a message.',
  'home.own_line': '{date}: {score}{comment}{open}',
  'home.teams_title': '*Teams you manage*',
  'home.team_line': '<#{channel}>',
  'home.team_next': 'Next round: {date}',
  'home.team_next_none': 'No schedule. `/pulse schedule fri 14:00` in the channel sets one.',
  'home.team_open': 'Open round: {answered} of {total} answered, until {date}',
  'home.team_last': 'Last round: {rate}% answered, average mood {average}',
  'home.team_last_withheld': 'Last round: not enough answers to show ({needed} needed)',
  'kudos.limit_reached':
    'You have given all {limit} of your kudos for today. Thank you for noticing people! More tomorrow.',
  'kudos.self': 'Kudos are for others — you cannot give them to yourself.',
  'kudos.bot': '<@{user}> is a bot; kudos are for people.',
  'kudos.limit_left': 'You have {left} kudos left today (of {limit}). Pick fewer people, or give more tomorrow.',
  'kudos.sent': 'Kudos on their way to {recipients}. Thank you!',
  'kudos.sent_free_tags':
    "Kudos on their way to {recipients}. Thank you!\nKept as free tags, not company values: {tags} (this workspace's values are {values}). A manager can make them values with `/pulse config values {proposed}`.",
  'kudos.board_empty':
    'No kudos in the last {weeks} week(s) yet. React to a message with :raised_hands: or use `/kudos`.',
  'kudos.board':
    '*Kudos, last {weeks} week(s)*\n*Received most*\n{receivers}\n*Gave most*\n{givers}\n*Values*: {values}\n*Free tags*: {tags}',
  'kudos.settings':
    '*Recognition settings* (the whole workspace)\n• kudos-emoji: {emoji}\n• kudos-channel: {channel}\n• kudos-limit: {limit} a day\n• values: {values}\nChange one like this: `/pulse config threshold 4`.',
  'kudos.in_thread': 'in the thread of the message',
  'shoutout.text': ':tada: <@{giver}> recognized {recipients}',
  'shoutout.more': ' (+{more} more)',
  'shoutout.reason': '“{reason}”',
  'shoutout.values': 'Values: {values}',
  'shoutout.tags': 'Tags: {tags}',
  'shoutout.excerpt': '> {excerpt}',
  'shoutout.link': '<{permalink}|See the message>',
  'shoutout.withdrawn': 'This recognition was withdrawn.',
  'digest.title': '*Kudos this week* — {total} in all',
  'digest.line': '<@{user}>: {count}',
  'home.kudos_title': '*Kudos you received* (last 30 days)',
  'home.kudos_count': '{count} kudos',
  'home.kudos_none': 'None yet. Kudos others give you show up here.',
  'error.unknown_command': '`{command}` is not a Symmetry command. Try `/pulse help`.',
  'error.other_workspace': 'This Symmetry is installed in another workspace, so it cannot act here.',
  'install.done':
    'Symmetry is installed. Go back to Slack: invite @Symmetry to a team channel and run /pulse setup there.',
  'install.failed':
    'The install did not finish ({reason}). Start again from the Add to Slack page; the link from it is good once, for 10 minutes.',
  'kudos.unknown_user': 'I cannot find <@{user}> in this workspace; kudos go to people here.',
  'privacy.forgotten':
    'Done. Removed: {answers} answer(s), {deliveries} check-in record(s), your membership of {teams} team(s) and your settings; {kudos} kudos now show you as "someone". If you stay in a team\'s channel, a later sync adds you back and you will get check-ins again; leave the channel to stop them.',
  'privacy.export_queued':
    'Preparing the export; it arrives in your messages with Symmetry as a CSV file. Rounds under the threshold are listed without numbers.',
  'error.queue_unavailable':
    'Something on our side is not answering. Nothing was changed; please try again in a minute.',
  'error.generic': 'Something went wrong on our side. Nothing was changed; please try again.',
  'day.mon': 'Monday',
  'day.tue': 'Tuesday',
  'day.wed': 'Wednesday',
  'day.thu': 'Thursday',
  'day.fri': 'Friday',
  'day.sat': 'Saturday',
  'day.sun': 'Sunday',
  'home.conversations_title':
    '*Conversations*: comments still unanswered, then open threads (`/pulse conversations` lists them all).',
  'thread.sent':
    'Sent. Only the author will read it, without ever being named to you; every manager of the team sees the thread.',
  'thread.answer_sent': "Sent to the team's managers.",
  'thread.answer_sent_named': "Sent to the team's managers, with your name on this answer only.",
  'thread.empty': 'Please write something before sending.',
  'thread.too_long': 'Please keep it to {max} characters (this is {length}).',
  'thread.cap':
    'This comment already has {max} replies from managers today. Please wait until tomorrow: a limit keeps anyone from probing who wrote it.',
  'thread.not_visible':
    'You can reply only to comments you can see: from a closed round of a team you manage that reached its anonymity threshold.',
  'thread.not_yours': 'This conversation belongs to someone else.',
  'thread.unreachable':
    'The author of this comment can no longer be reached (they left the team or the workspace). Your reply is kept in the thread.',
  'thread.answer_undelivered':
    "Your answer could not be delivered: none of the team's managers can be reached now (they may have left the team or the workspace). It is kept in the thread.",
  'thread.retry': 'We could not send this just now. Please try again in a minute; sending twice never sends twice.',
  'thread.quick.noted': 'Thank you, noted.',
  'thread.quick.working': "We're working on it.",
  'thread.quick.talk': 'Can we talk about this?',
  'thread.anonymous': 'Anonymous teammate',
  'thread.you': 'You',
  'thread.manager': 'Manager {manager}',
  'thread.your_comment': 'Your anonymous comment:',
  'thread.comment_in': 'Anonymous comment in {channel}:',
  'thread.reply_button': 'Reply…',
  'thread.answer_button': 'Answer back…',
  'thread.modal_title': 'Reply',
  'thread.field_label': 'Your reply (up to 2,000 characters)',
  'thread.reveal_label': 'Show my name to the managers on this answer only',
  'thread.reveal_hint':
    'Off by default. When on, the managers see your name beside this one answer; your comment and your other answers stay anonymous.',
  'thread.reveal_confirm_title': 'Show your name?',
  'thread.reveal_confirm':
    "The team's managers will see your name beside this answer. Your comment and your other answers stay anonymous. This cannot be taken back.",
  'thread.reveal_yes': 'Yes, show my name',
  'thread.reveal_no': 'No, stay anonymous',
  'thread.send': 'Send',
  'thread.unanswered': 'Not answered yet.',
  'thread.manager_forgotten': 'A manager',
  'thread.earlier_hidden': {
    one: '{count} earlier message is not shown here.',
    other: '{count} earlier messages are not shown here.',
  },
  'conversations.header':
    'Comments of your team from rounds shown at or above the threshold, and their conversations ({count}):',
  'conversations.none':
    "No comments to answer: none of your team's recent rounds that reached the threshold has a comment.",
  'summary.answered': '{answered} of {comments} comments answered.',
} as const;
