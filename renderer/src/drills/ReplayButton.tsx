/** Opens the replay of this console's event log (live consoles too; in a drill the banner has it). */
import { useTranslation } from 'react-i18next';
import { useDrill, useDrillStore } from './context';

export function ReplayButton() {
  const { t } = useTranslation();
  const store = useDrillStore();
  const drill = useDrill((s) => s.status?.drill ?? false);
  if (drill) return null;
  return (
    <button type="button" className="qx-btn qx-btn--ghost" onClick={() => store.open({ kind: 'replay' })} data-testid="replay-button">
      {t('drills.replay.open')}
    </button>
  );
}
