/**
 * The warning tone's switch and count. Muting is kept in localStorage, so a console restarted in
 * a quiet room stays quiet; `sounded` counts the tones asked for (tests and the panel read it).
 */
import type { WarningSeverity } from '../../../shared/model';
import type { TonePlayer } from '../lib/tone';
import { ExternalStore } from './external-store';

export interface SoundState {
  readonly muted: boolean;
  readonly sounded: number;
}

export const MUTE_KEY = 'qx.mute';

export class SoundStore extends ExternalStore<SoundState> {
  constructor(
    private readonly player: TonePlayer,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null,
  ) {
    super({ muted: storage?.getItem(MUTE_KEY) === '1', sounded: 0 });
  }

  setMuted(muted: boolean): void {
    if (muted === this.state.muted) return;
    this.storage?.setItem(MUTE_KEY, muted ? '1' : '0');
    this.setState({ ...this.state, muted });
  }

  /** One tone for a new severe or extreme warning, unless muted. */
  alert(severity: WarningSeverity): void {
    if (this.state.muted) return;
    void this.player.play(severity);
    this.setState({ ...this.state, sounded: this.state.sounded + 1 });
  }

  dispose(): void {
    this.player.dispose();
  }
}
