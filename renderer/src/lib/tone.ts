/**
 * The warning tone, made with the Web Audio API: no audio file, no request. Two short beeps for
 * a severe warning, three higher ones for an extreme warning. Browsers start audio only after the
 * user has interacted with the page, so the context is made on the first key or pointer press
 * (a console is always touched before it matters) and a tone asked for before that is skipped.
 */
import type { WarningSeverity } from '../../../shared/model';

export interface TonePlayer {
  play(severity: WarningSeverity): void;
  dispose(): void;
}

interface Beep {
  readonly hz: number;
  readonly at: number;
  readonly len: number;
}

/** The beeps of each tone: pitch, start and length in seconds. */
export function beeps(severity: WarningSeverity): readonly Beep[] {
  if (severity === 'extreme')
    return [
      { hz: 988, at: 0, len: 0.14 },
      { hz: 740, at: 0.18, len: 0.14 },
      { hz: 988, at: 0.36, len: 0.2 },
    ];
  return [
    { hz: 880, at: 0, len: 0.16 },
    { hz: 880, at: 0.24, len: 0.16 },
  ];
}

const VOLUME = 0.18;

export function webAudioTone(win: (Window & typeof globalThis) | undefined = typeof window === 'undefined' ? undefined : window): TonePlayer {
  if (!win || typeof win.AudioContext !== 'function') return { play: () => undefined, dispose: () => undefined };
  let ctx: AudioContext | null = null;
  let making = false;
  let disposed = false;
  const unlock = (): void => {
    if (ctx) {
      if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
      return;
    }
    if (making) return;
    making = true;
    // Made in a task of its own, after the key or click has done what it was for: opening the audio
    // device can hold the page for a few hundred milliseconds (220–440 ms measured in headless
    // Chromium). The page has been interacted with by then, which is what lets the context start.
    win.setTimeout(() => {
      if (disposed) return;
      try {
        ctx ??= new win.AudioContext();
        if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
      } catch {
        // No audio device: the console stays silent rather than failing.
      }
    }, 0);
  };
  const events = ['keydown', 'pointerdown'] as const;
  for (const e of events) win.addEventListener(e, unlock, { capture: true });

  return {
    play: (severity) => {
      if (!ctx || ctx.state === 'closed') return;
      const t0 = ctx.currentTime + 0.02;
      for (const b of beeps(severity)) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.type = 'sine';
        osc.frequency.value = b.hz;
        // A short ramp in and out: no click at either end.
        gain.gain.setValueAtTime(0, t0 + b.at);
        gain.gain.linearRampToValueAtTime(VOLUME, t0 + b.at + 0.015);
        gain.gain.setValueAtTime(VOLUME, t0 + b.at + b.len - 0.03);
        gain.gain.linearRampToValueAtTime(0, t0 + b.at + b.len);
        osc.connect(gain).connect(ctx.destination);
        osc.start(t0 + b.at);
        osc.stop(t0 + b.at + b.len + 0.01);
      }
    },
    dispose: () => {
      for (const e of events) win.removeEventListener(e, unlock, { capture: true });
      disposed = true; // a creation still queued makes nothing
      void ctx?.close().catch(() => undefined);
      ctx = null;
    },
  };
}
