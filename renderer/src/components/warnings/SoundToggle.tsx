/** Switches the warning tone on and off (remembered on this machine). */
import { useTranslation } from 'react-i18next';
import { useRuntime, useSound } from '../../hooks/runtime';

export function SoundToggle() {
  const { t } = useTranslation();
  const { sound } = useRuntime();
  const muted = useSound((s) => s.muted);
  const sounded = useSound((s) => s.sounded);
  return (
    <button
      type="button"
      className="qx-btn qx-btn--ghost qx-sound"
      aria-pressed={!muted}
      onClick={() => sound.setMuted(!muted)}
      title={t('warnings.soundHint')}
      data-testid="sound-toggle"
      data-muted={muted}
      data-sounded={sounded}
    >
      <span className={`qx-dot qx-dot--${muted ? 'bad' : 'ok'}`} aria-hidden="true" />
      {muted ? t('warnings.soundOff') : t('warnings.soundOn')}
    </button>
  );
}
