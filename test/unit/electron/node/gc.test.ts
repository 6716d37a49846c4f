// electron/node/gc.ts: which garbage collector the core's process is started with.
import { describe, expect, it } from 'vitest';
import { chooseGc, describeGc, GcSettingError, runningGc } from '../../../../electron/node/gc.js';

describe('chooseGc', () => {
  it('runs single-threaded on two CPUs or fewer and leaves V8 its helpers above that', () => {
    expect(chooseGc({}, 1)).toEqual({ mode: 'single', reason: '1 CPU' });
    expect(chooseGc({}, 2)).toEqual({ mode: 'single', reason: '2 CPUs' });
    expect(chooseGc({}, 3)).toEqual({ mode: 'parallel', reason: '3 CPUs' });
    expect(chooseGc({ QX_GC: 'auto' }, 16).mode).toBe('parallel');
  });

  it('does what QX_GC says, whatever the machine', () => {
    expect(chooseGc({ QX_GC: 'parallel' }, 2)).toEqual({ mode: 'parallel', reason: 'QX_GC=parallel' });
    expect(chooseGc({ QX_GC: ' Single ' }, 8)).toEqual({ mode: 'single', reason: 'QX_GC=single' });
  });

  it('refuses any other value with the ones it takes', () => {
    expect(() => chooseGc({ QX_GC: 'fast' }, 2)).toThrow(GcSettingError);
    expect(() => chooseGc({ QX_GC: 'fast' }, 2)).toThrow('QX_GC must be auto, single or parallel, not "fast"');
  });
});

describe('runningGc', () => {
  it('is single-threaded only when this process was started with the flag', () => {
    expect(runningGc(['--single-threaded-gc', '--import', 'tsx'])).toBe('single');
    expect(runningGc(['--import', 'tsx'])).toBe('parallel');
    expect(describeGc('single')).toContain('--single-threaded-gc');
    expect(describeGc('parallel')).toContain('QX_GC=single');
  });
});
