/** What the configuration says about an environment, for tests of its rules. */
import { ConfigError, loadConfig } from '../../src/config';

/** The problems loadConfig names for `env` (none when it is valid); any other error is rethrown. */
export function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
}
