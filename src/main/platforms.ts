/** The chat platforms this deployment can serve: a new platform is its folder under src/platforms and one line here. */
import type { Platform } from '../core/model';
import type { Messenger } from '../core/ports';
import type { PlatformModule } from './platform';
import { slackPlatform } from './platform-slack';
import { teamsPlatform } from './platform-teams';

export const PLATFORMS: readonly PlatformModule[] = [slackPlatform, teamsPlatform];

/** The platforms the configuration turns on. */
export function enabledPlatforms(config: Parameters<PlatformModule['enabled']>[0]): PlatformModule[] {
  return PLATFORMS.filter((p) => p.enabled(config));
}

/** Each enabled platform's part, built in parallel and keyed by platform (for the messenger router). */
export async function byPlatform<T>(
  modules: readonly PlatformModule[],
  build: (m: PlatformModule) => Promise<T>,
): Promise<Partial<Record<Platform, T>>> {
  return Object.fromEntries(await Promise.all(modules.map(async (m) => [m.name, await build(m)] as const)));
}

/** The messengers of `parts`, keyed by platform. */
export function messengersOf<T extends { messenger: Messenger }>(
  parts: Partial<Record<Platform, T>>,
): Partial<Record<Platform, Messenger>> {
  return Object.fromEntries(Object.entries(parts).map(([name, part]) => [name, part!.messenger]));
}
