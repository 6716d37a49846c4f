/** The confirmation of a command that worked, read out by screen readers, gone after a few seconds. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRuntime, useUi } from '../../hooks/runtime';

const SHOW_MS = 6000;

export function Notice() {
  const { t } = useTranslation();
  const { ui } = useRuntime();
  const notice = useUi((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => ui.clearNotice(notice.n), SHOW_MS);
    return () => clearTimeout(timer);
  }, [notice, ui]);
  return (
    <div className="qx-notice" role="status" aria-live="polite" data-testid="notice">
      {notice && t(notice.key, notice.params)}
    </div>
  );
}
