/**
 * The warning tone's audio context: made after the first key or pointer press, in a task of its
 * own (opening the audio device can hold the page for hundreds of milliseconds, and the key should
 * act first); none before an interaction, none after dispose; a tone then plays its beeps.
 */
import { describe, expect, it } from 'vitest';
import { beeps, webAudioTone } from '../../../../renderer/src/lib/tone';

/** A window with just what the tone uses: listeners, a timer queue run by hand, a counting AudioContext. */
function fakeWindow() {
  const listeners = new Map<string, Set<() => void>>();
  const queue: (() => void)[] = [];
  const made: { oscillators: number[] }[] = [];
  class FakeContext {
    state = 'running';
    currentTime = 0;
    destination = {};
    readonly record = { oscillators: [] as number[] };
    constructor() {
      made.push(this.record);
    }
    createOscillator() {
      const osc = { type: '', frequency: { value: 0 }, connect: (g: unknown) => g, start: () => undefined, stop: () => undefined };
      queueMicrotask(() => this.record.oscillators.push(osc.frequency.value));
      return osc;
    }
    createGain() {
      const param = { setValueAtTime: () => undefined, linearRampToValueAtTime: () => undefined };
      return { gain: param, connect: (d: unknown) => d };
    }
    resume() {
      return Promise.resolve();
    }
    close() {
      return Promise.resolve();
    }
  }
  const win = {
    AudioContext: FakeContext,
    addEventListener: (e: string, f: () => void) => (listeners.get(e) ?? listeners.set(e, new Set()).get(e))?.add(f),
    removeEventListener: (e: string, f: () => void) => listeners.get(e)?.delete(f),
    setTimeout: (f: () => void) => queue.push(f),
  };
  return {
    win: win as unknown as Window & typeof globalThis,
    made,
    press: (e = 'keydown') => listeners.get(e)?.forEach((f) => f()),
    runTasks: () => queue.splice(0).forEach((f) => f()),
  };
}

describe('webAudioTone', () => {
  it('makes its audio context after the first press, in a task of its own, and plays beeps with it', async () => {
    const w = fakeWindow();
    const tone = webAudioTone(w.win);
    tone.play('severe'); // before any interaction: silent, nothing made
    expect(w.made).toHaveLength(0);
    w.press();
    expect(w.made).toHaveLength(0); // not inside the key's handler
    w.press('pointerdown');
    w.runTasks();
    expect(w.made).toHaveLength(1); // one context for any number of presses
    tone.play('extreme');
    await Promise.resolve();
    expect(w.made[0].oscillators).toEqual(beeps('extreme').map((b) => b.hz));
  });

  it('makes nothing once disposed, even when a press came just before', () => {
    const w = fakeWindow();
    const tone = webAudioTone(w.win);
    w.press();
    tone.dispose();
    w.runTasks();
    expect(w.made).toHaveLength(0);
    w.press();
    w.runTasks();
    expect(w.made).toHaveLength(0);
  });
});
