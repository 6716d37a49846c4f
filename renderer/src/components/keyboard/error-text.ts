/** The words of a failure: the console's own (an i18n key) or the core's reason, with its kind. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiError } from '../../store/ui-store';

export function useErrorText(): (e: UiError) => string {
  const { t } = useTranslation();
  return useCallback((e: UiError) => (e.key ? t(e.key, e.params) : t(`errors.${e.code}`, { message: e.message })), [t]);
}
