/**
 * The warning tone, made with the Web Audio API: no audio file, no request. Two short beeps for
 * a severe warning, three higher ones for an extreme warning. Browsers start audio only after the
 * user has interacted with the page, so the context is made on the first key or pointer press
 * (a console is always touched before it matters) and a tone asked for before that is skipped.
 * Between tones the context is suspended.
 */
import type { WarningSeverity } from '../../../shared/model';

export interface TonePlayer {
  /** Resolves once the beeps are scheduled (or at once when there is no audio to play them). */
  play(severity: WarningSeverity): Promise<void>;
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
/** The context is suspended this long after a tone's last beep: a running one costs a few % of a core. */
const REST_AFTER_MS = 500;

export function webAudioTone(win: (Window & typeof globalThis) | undefined = typeof window === 'undefined' ? undefined : window): TonePlayer {
  if (!win || typeof win.AudioContext !== 'function') return { play: () => Promise.resolve(), dispose: () => undefined };
  let ctx: AudioContext | null = null;
  let making = false;
  let disposed = false;
  /** Resumes, tones and suspensions run one after another, so a tone never lands in a suspending context. */
  let chain: Promise<void> = Promise.resolve();
  const then = (step: (c: AudioContext) => Promise<void> | void): Promise<void> => {
    chain = chain.then(async () => {
      if (ctx && ctx.state !== 'closed') await step(ctx);
    }).catch(() => undefined); // a context that refuses to resume or suspend stays as it is
    return chain;
  };
  /** The context's time by which every scheduled beep has ended. */
  let busyUntil = 0;
  let restTimer: number | null = null;
  const restLater = (ms: number): void => {
    if (restTimer !== null) win.clearTimeout(restTimer);
    restTimer = win.setTimeout(() => {
      restTimer = null;
      void then(async (c) => {
        if (c.state !== 'running') return;
        if (c.currentTime >= busyUntil) await c.suspend();
        else restLater((busyUntil - c.currentTime) * 1000 + REST_AFTER_MS); // a beep still playing: later
      });
    }, ms);
  };
  const unlock = (): void => {
    if (ctx || making) return;
    making = true;
    // Made in a task of its own, after the key or click has done what it was for: opening the audio
    // device can hold the page for a few hundred milliseconds (220–440 ms measured in headless
    // Chromium). The page has been interacted with by then, which is what lets the context start
    // and, later, resume. It is suspended until a tone is due: a running context renders silence
    // all the time (3.7 % of a core measured in Chromium; none suspended; resuming takes ~6 ms).
    win.setTimeout(() => {
      if (disposed) return;
      try {
        ctx = new win.AudioContext();
        void then((c) => (c.state === 'running' ? c.suspend() : undefined));
      } catch {
        // No audio device: the console stays silent rather than failing.
      }
    }, 0);
  };
  const events = ['keydown', 'pointerdown'] as const;
  for (const e of events) win.addEventListener(e, unlock, { capture: true });

  return {
    play: (severity) =>
      then(async (c) => {
        if (c.state === 'suspended') await c.resume();
        const t0 = c.currentTime + 0.02;
        for (const b of beeps(severity)) {
          const osc = c.createOscillator();
          const gain = c.createGain();
          osc.type = 'sine';
          osc.frequency.value = b.hz;
          // A short ramp in and out: no click at either end.
          gain.gain.setValueAtTime(0, t0 + b.at);
          gain.gain.linearRampToValueAtTime(VOLUME, t0 + b.at + 0.015);
          gain.gain.setValueAtTime(VOLUME, t0 + b.at + b.len - 0.03);
          gain.gain.linearRampToValueAtTime(0, t0 + b.at + b.len);
          osc.connect(gain).connect(c.destination);
          osc.start(t0 + b.at);
          osc.stop(t0 + b.at + b.len + 0.01);
          busyUntil = Math.max(busyUntil, t0 + b.at + b.len + 0.01);
        }
        restLater((busyUntil - c.currentTime) * 1000 + REST_AFTER_MS);
      }),
    dispose: () => {
      for (const e of events) win.removeEventListener(e, unlock, { capture: true });
      disposed = true; // a creation still queued makes nothing
      if (restTimer !== null) win.clearTimeout(restTimer);
      void ctx?.close().catch(() => undefined);
      ctx = null;
    },
  };
}
