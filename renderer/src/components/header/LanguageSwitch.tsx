/** 中文 / English. Each language is named in itself, so anyone can find their way back. */
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../i18n';

const LABELS: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <div className="qx-lang" role="group" aria-label={t('header.language')} data-testid="language-switch">
      {LANGUAGES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="qx-lang__btn"
          aria-pressed={i18n.language === l}
          data-testid={`lang-${l}`}
          onClick={() => void i18n.changeLanguage(l)}
        >
          {LABELS[l]}
        </button>
      ))}
    </div>
  );
}
