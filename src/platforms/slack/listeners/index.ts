/** Every Slack listener, registered on one Bolt app. */
import type { App } from '@slack/bolt';
import type { WebDeps } from '../../../core/use-cases/deps';
import { registerActions } from './actions';
import { registerCommands } from './commands';
import { registerEvents } from './events';
import { registerFallbacks } from './fallbacks';
import { registerKudos } from './kudos';
import { registerThreads } from './threads';
import { registerViews } from './views';

/** Registers every listener of the Slack app. */
export function registerListeners(app: App, deps: WebDeps): void {
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerEvents(app, deps);
  registerKudos(app, deps);
  registerThreads(app, deps);
  // Last: only what no listener above took.
  registerFallbacks(app);
}
