/**
 * i18next with both languages bundled (the console is offline). Chinese is the default; the
 * dispatcher's choice is kept in localStorage so a restarted console opens in the same language.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Localized } from '../../../shared/model';
import { RESOURCES } from './resources';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'qx.lang';

export function storedLanguage(storage: Pick<Storage, 'getItem'>): Language {
  const v = storage.getItem(STORAGE_KEY);
  return v === 'en' || v === 'zh-CN' ? v : 'zh-CN';
}

export function initI18n(storage: Storage): typeof i18next {
  const lng = storedLanguage(storage);
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: RESOURCES['zh-CN'] }, en: { translation: RESOURCES.en } },
    lng,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (l) => {
    document.documentElement.lang = l;
    storage.setItem(STORAGE_KEY, l);
  });
  return i18next;
}

/** Picks the catalog's Chinese or English text for the current language. */
export function pick(text: Localized, language: string): string {
  return language.startsWith('zh') ? text.zh : text.en;
}
