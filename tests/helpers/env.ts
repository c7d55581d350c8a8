/** Environment variables set for one call and restored after it. */

/**
 * Runs `run` with `vars` set (`undefined` unsets one), then puts every one of
 * them back as it was, also when `run` throws. When `run` returns a promise,
 * the variables are restored once it settles. Not for calls that overlap:
 * the environment is the process's.
 */
export function withEnv<T>(vars: Record<string, string | undefined>, run: () => T): T {
  const saved = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
  const set = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  set(vars);
  let result: T;
  try {
    result = run();
  } catch (error) {
    set(saved);
    throw error;
  }
  if (result instanceof Promise) return result.finally(() => set(saved)) as T;
  set(saved);
  return result;
}
