/**
 * Everything Slack sends that no listener wants still gets its quick 200 (Slack expects one),
 * instead of Bolt's 404 after three seconds. Registered last; negative lookaheads keep them off
 * the ids our own listeners handle.
 */
import type { App } from '@slack/bolt';
import { translate } from '../../../core/i18n';
import { COMMENT_CALLBACK_ID, SCORE_ACTION_PREFIX } from '../render';
import {
  THREAD_ANSWER_ACTION,
  THREAD_ANSWER_CALLBACK,
  THREAD_QUICK_PREFIX,
  THREAD_REPLY_ACTION,
  THREAD_REPLY_CALLBACK,
} from '../thread-render';

// Ids our own listeners ack: Bolt runs every matching listener, so a catch-all that also matched would ack first,
// empty, and a form's answer (its errors, its confirmation) would never reach Slack.
const OWN_ACTIONS = `${SCORE_ACTION_PREFIX}\\d+|${THREAD_REPLY_ACTION}|${THREAD_ANSWER_ACTION}|${THREAD_QUICK_PREFIX}[a-z]+`;
const OWN_VIEWS = `${COMMENT_CALLBACK_ID}|${THREAD_REPLY_CALLBACK}|${THREAD_ANSWER_CALLBACK}`;

/** Registers the catch-all acks. */
export function registerFallbacks(app: App): void {
  app.action(new RegExp(`^(?!(${OWN_ACTIONS})$)`), async ({ ack }) => ack());
  app.view(new RegExp(`^(?!(${OWN_VIEWS})$)`), async ({ ack }) => ack());
  // A modal opened with notify_on_close reports its closing; nothing to do but say it was heard.
  app.view({ type: 'view_closed', callback_id: /.*/ }, async ({ ack }) => ack());
  // Legacy dialogs and attachment buttons: this app opens none, but Slack still wants its 200.
  app.action({ type: 'dialog_submission' }, async ({ ack }) => ack());
  app.action({ type: 'interactive_message' }, async ({ ack }) => ack());
  app.shortcut(/.*/, async ({ ack }) => ack());
  app.options(/.*/, async ({ ack }) => ack({ options: [] }));
  app.command(/^(?!\/(pulse|kudos)$)/, async ({ ack, command }) =>
    ack(translate('en', 'error.unknown_command', { command: command.command })),
  );
}
