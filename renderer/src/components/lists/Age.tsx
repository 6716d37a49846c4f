import { useTranslation } from 'react-i18next';
import { useNow } from '../../hooks/now';
import { age } from '../../lib/format';

/** "3 min" since `since`, ticking with the page clock. */
export function Age({ since }: { since: number }) {
  const { t } = useTranslation();
  const now = useNow();
  const a = age(now - since);
  return <span className="qx-age">{t(`age.${a.unit}`, { n: a.n })}</span>;
}
