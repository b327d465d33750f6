/** The platform registry: each platform is one module, turned on by its own configuration. */
import type { Config } from '../../src/config';
import { enabledPlatforms, PLATFORMS } from '../../src/main/platforms';

const config = (slack: boolean, teams: boolean) => ({ slackEnabled: slack, teamsEnabled: teams }) as Config;

test('every platform of the model has exactly one module', () => {
  expect(PLATFORMS.map((p) => p.name).sort()).toEqual(['slack', 'teams']);
});

test('the configuration turns each platform on by itself', () => {
  expect(enabledPlatforms(config(true, false)).map((p) => p.name)).toEqual(['slack']);
  expect(enabledPlatforms(config(false, true)).map((p) => p.name)).toEqual(['teams']);
  expect(enabledPlatforms(config(true, true)).map((p) => p.name)).toEqual(['slack', 'teams']);
  expect(enabledPlatforms(config(false, false))).toEqual([]);
});
