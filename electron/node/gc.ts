/**
 * How V8 collects the core's garbage. By default V8 shares the work of a collection with helper
 * threads, one per spare CPU, and marks the old generation concurrently. On a machine with two
 * CPUs there are no spare ones: the console's core, its broker, its own browser and the field
 * load already want more than two, so the helpers' work (a fifth more CPU for the same collections,
 * in a test) is taken from everything else, and the core waits for helpers that wait for a CPU.
 * There the core runs with V8's `--single-threaded-gc`: under a 20,000 msg/s load the screen p99
 * met its target in 13 of 18 runs with it, 8 of 15 without (docs/performance.md).
 *
 * A V8 GC flag can only be given when the process starts (set later, it crashes V8), so `npm start`
 * passes it to the process it launches: Electron through `--js-flags`, the web host on its node
 * command line. `QX_GC` chooses: `auto` (the default: single-threaded on two CPUs or fewer),
 * `single` or `parallel`.
 */
export const GC_ENV = 'QX_GC';
export const SINGLE_THREADED_GC_FLAG = '--single-threaded-gc';

export type GcMode = 'single' | 'parallel';

export interface GcChoice {
  readonly mode: GcMode;
  /** Why, for the start-up banner. */
  readonly reason: string;
}

export class GcSettingError extends Error {
  override name = 'GcSettingError';
}

/** The collector for a machine with `cpus` CPUs, unless `QX_GC` says otherwise. */
export function chooseGc(env: NodeJS.ProcessEnv, cpus: number): GcChoice {
  const setting = (env[GC_ENV] ?? 'auto').trim().toLowerCase();
  switch (setting) {
    case 'single':
    case 'parallel':
      return { mode: setting, reason: `${GC_ENV}=${setting}` };
    case 'auto':
    case '':
      return cpus <= 2 ? { mode: 'single', reason: `${cpus} CPU${cpus === 1 ? '' : 's'}` } : { mode: 'parallel', reason: `${cpus} CPUs` };
    default:
      throw new GcSettingError(`${GC_ENV} must be auto, single or parallel, not "${env[GC_ENV] ?? ''}"`);
  }
}

/** The collector this process runs with: it is single-threaded only if it was started so. */
export function runningGc(execArgv: readonly string[]): GcMode {
  return execArgv.includes(SINGLE_THREADED_GC_FLAG) ? 'single' : 'parallel';
}

/** One line for the start-up banner: what the collector is, and how to change it. */
export function describeGc(mode: GcMode): string {
  return mode === 'single'
    ? `single-threaded (${SINGLE_THREADED_GC_FLAG}; ${GC_ENV}=parallel for V8's helper threads)`
    : `parallel (V8's default; ${GC_ENV}=single on machines with two CPUs or fewer)`;
}
