/**
 * The warning tone's audio context: made after the first key or pointer press, in a task of its
 * own (opening the audio device can hold the page for hundreds of milliseconds, and the key should
 * act first); none before an interaction, none after dispose; suspended between tones (a running
 * context costs CPU all the time), resumed for a tone and suspended again once it has played.
 */
import { describe, expect, it } from 'vitest';
import { beeps, webAudioTone } from '../../../../renderer/src/lib/tone';

/** A window with just what the tone uses: listeners, timers run by hand, a recording AudioContext. */
function fakeWindow() {
  const listeners = new Map<string, Set<() => void>>();
  const timers = new Map<number, { f: () => void; ms: number }>();
  let nextTimer = 1;
  const made: FakeContext[] = [];
  class FakeContext {
    state: 'running' | 'suspended' | 'closed' = 'running';
    currentTime = 0;
    destination = {};
    readonly oscillators: number[] = [];
    /** Each state it went through, in order. */
    readonly states: string[] = [];
    constructor() {
      made.push(this);
    }
    private go(state: 'running' | 'suspended' | 'closed') {
      return Promise.resolve().then(() => {
        this.state = state;
        this.states.push(state);
      });
    }
    createOscillator() {
      const osc = { type: '', frequency: { value: 0 }, connect: (g: unknown) => g, start: () => undefined, stop: () => undefined };
      queueMicrotask(() => this.oscillators.push(osc.frequency.value));
      return osc;
    }
    createGain() {
      const param = { setValueAtTime: () => undefined, linearRampToValueAtTime: () => undefined };
      return { gain: param, connect: (d: unknown) => d };
    }
    resume() {
      return this.go('running');
    }
    suspend() {
      return this.go('suspended');
    }
    close() {
      return this.go('closed');
    }
  }
  const win = {
    AudioContext: FakeContext,
    addEventListener: (e: string, f: () => void) => (listeners.get(e) ?? listeners.set(e, new Set()).get(e))?.add(f),
    removeEventListener: (e: string, f: () => void) => listeners.get(e)?.delete(f),
    setTimeout: (f: () => void, ms = 0) => {
      timers.set(nextTimer, { f, ms });
      return nextTimer++;
    },
    clearTimeout: (id: number) => timers.delete(id),
  };
  /** Lets the promise chain behind the context's state changes run to its end. */
  const settle = async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  return {
    win: win as unknown as Window & typeof globalThis,
    made,
    press: (e = 'keydown') => listeners.get(e)?.forEach((f) => f()),
    /** Runs the timers due (all of them, or those set to at most `ms`), then the promises they started. */
    runTimers: async (ms = Infinity) => {
      for (const [id, t] of [...timers]) {
        if (t.ms > ms) continue;
        timers.delete(id);
        t.f();
      }
      await settle();
    },
    pendingTimers: () => [...timers.values()].map((t) => t.ms),
    settle,
  };
}

/** A tone whose context has been made (after a key press), and that context. */
async function unlocked() {
  const w = fakeWindow();
  const tone = webAudioTone(w.win);
  w.press();
  await w.runTimers();
  return { w, tone, ctx: w.made[0] };
}

describe('webAudioTone', () => {
  it('makes its audio context after the first press, in a task of its own, and plays beeps with it', async () => {
    const w = fakeWindow();
    const tone = webAudioTone(w.win);
    await tone.play('severe'); // before any interaction: silent, nothing made
    expect(w.made).toHaveLength(0);
    w.press();
    expect(w.made).toHaveLength(0); // not inside the key's handler
    w.press('pointerdown');
    await w.runTimers();
    expect(w.made).toHaveLength(1); // one context for any number of presses
    await tone.play('extreme');
    await w.settle();
    expect(w.made[0].oscillators).toEqual(beeps('extreme').map((b) => b.hz));
  });

  it('keeps the context suspended between tones: resumed for a tone, suspended once it has played', async () => {
    const { w, tone, ctx } = await unlocked();
    expect(ctx.state).toBe('suspended'); // made, then suspended until a tone is due
    await tone.play('severe');
    expect(ctx.state).toBe('running');
    const last = beeps('severe').at(-1);
    const rest = w.pendingTimers();
    expect(rest).toHaveLength(1);
    expect(rest[0]).toBeGreaterThan(((last?.at ?? 0) + (last?.len ?? 0)) * 1000); // not before the last beep
    // A second tone before the rest: the context stays up, and rests after that one.
    ctx.currentTime = 0.3;
    await tone.play('extreme');
    expect(w.pendingTimers()).toHaveLength(1);
    ctx.currentTime = 2;
    await w.runTimers();
    expect(ctx.states).toEqual(['suspended', 'running', 'suspended']);
    await tone.play('severe');
    expect(ctx.state).toBe('running');
    expect(ctx.oscillators).toHaveLength(beeps('severe').length * 2 + beeps('extreme').length);
  });

  it('does not suspend under a tone still playing, and suspends once it has', async () => {
    const { w, tone, ctx } = await unlocked();
    await tone.play('extreme');
    // The rest timer fires while the beeps are not over by the context's own clock (the audio clock
    // and the page's timers are not the same clock): it keeps running.
    ctx.currentTime = 0.1;
    await w.runTimers();
    expect(ctx.state).toBe('running');
    expect(w.pendingTimers()).toHaveLength(1); // and tries again once they are
    ctx.currentTime = 2;
    await w.runTimers();
    expect(ctx.state).toBe('suspended');
  });

  it('makes nothing once disposed, even when a press came just before', async () => {
    const w = fakeWindow();
    const tone = webAudioTone(w.win);
    w.press();
    tone.dispose();
    await w.runTimers();
    expect(w.made).toHaveLength(0);
    w.press();
    await w.runTimers();
    expect(w.made).toHaveLength(0);
  });
});
