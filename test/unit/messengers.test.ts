/**
 * The workers' messenger routes each call to the platform of its workspace. A capability a platform lacks
 * (Teams has no App Home) is absent, never a silent no-op: asked of that platform, the call fails as unsupported.
 */
import { isSymmetryError } from '../../src/core/errors';
import type { Workspace } from '../../src/core/model';
import type { HomeView } from '../../src/core/messages';
import type { Messenger } from '../../src/core/ports';
import { routeByPlatform } from '../../src/main/messengers';
import { RecordingMessenger } from '../support/recording-messenger';

const workspace = (platform: Workspace['platform']) =>
  ({ id: `w-${platform}`, platform, externalId: `E-${platform}` }) as unknown as Workspace;
const home = { blocks: [] } as unknown as HomeView;

/** A messenger without an App Home, as Teams' is. */
function withoutHome(): Messenger {
  const m = new RecordingMessenger();
  return new Proxy(m, {
    get: (target, key) => (key === 'publishHome' ? undefined : Reflect.get(target, key)),
  }) as Messenger;
}

test('a Slack workspace gets its App Home through the router', async () => {
  const slack = new RecordingMessenger();
  const router = routeByPlatform({ slack, teams: withoutHome() });
  await router.publishHome!(workspace('slack'), 'U1', home);
  expect([...slack.homes.keys()]).toEqual(['U1']);
});

test('asked of Teams, the App Home fails as unsupported instead of doing nothing', async () => {
  const router = routeByPlatform({ slack: new RecordingMessenger(), teams: withoutHome() });
  const failure = await router.publishHome!(workspace('teams'), '29:x', home).then(
    () => null,
    (err: unknown) => err,
  );
  expect(isSymmetryError(failure, 'unsupported')).toBe(true);
});

test('a deployment whose platforms have no home screen has no publishHome at all', () => {
  expect(routeByPlatform({ teams: withoutHome() }).publishHome).toBeUndefined();
  expect(routeByPlatform({ slack: new RecordingMessenger() }).publishHome).toBeDefined();
});
