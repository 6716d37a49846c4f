/**
 * Keeps a wall page on what the dispatcher put on the wall: the incident is selected on this
 * page's map (its pin highlighted) and named in the header.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole, useRuntime } from '../../hooks/runtime';
import { useNames } from '../../hooks/names';
import { usePanorama } from '../hooks';

export function WallFocusBar() {
  const { t } = useTranslation();
  const { ui } = useRuntime();
  const names = useNames();
  const focus = usePanorama((s) => s.wallFocus);
  const incident = useConsole((d) => (focus?.incidentId ? d.incidents.get(focus.incidentId) : undefined));
  useEffect(() => {
    if (focus?.incidentId) ui.select(focus.incidentId, false);
  }, [ui, focus]);
  if (!focus) return <span className="qx-wall__focus" />;
  return (
    <span className="qx-wall__focus" data-testid="wall-focus-bar" data-incident={focus.incidentId ?? ''}>
      {t('panorama.wall.showing')}{' '}
      <strong>{incident ? `#${incident.number} ${names.incidentType(incident.type)} · ${incident.address}` : `${focus.lat.toFixed(4)}, ${focus.lon.toFixed(4)}`}</strong>
    </span>
  );
}
