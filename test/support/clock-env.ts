/**
 * The test run's clock, handed to the processes it starts. `.ci/clock-matrix e2e` runs the suites under
 * libfaketime (LD_PRELOAD + FAKETIME): the app and the sandbox must see the same moved clock as the test
 * that signs their requests, while services (Redis) keep the machine's, as they do in production.
 */
const FAKE_CLOCK_VARS = /^(LD_PRELOAD|FAKETIME|FAKETIME_.+|DONT_FAKE_MONOTONIC)$/;

/** The libfaketime variables of this process (none outside a faked run), for a child that shares its clock. */
export function sharedClockEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => FAKE_CLOCK_VARS.test(e[0]) && e[1] !== undefined),
  );
}

/** This process's environment without libfaketime, for a service that keeps the machine's clock. */
export function machineClockEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !FAKE_CLOCK_VARS.test(k)));
}
