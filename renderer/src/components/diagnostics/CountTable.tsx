import { useTranslation } from 'react-i18next';

/** A small "key → count" table, largest first. */
export function CountTable({ title, counts, keyLabel, testid }: { title: string; counts: Readonly<Record<string, number>>; keyLabel: string; testid: string }) {
  const { t } = useTranslation();
  const rows = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return (
    <section className="qx-diag__table" data-testid={testid}>
      <h3 className="qx-diag__h">{title}</h3>
      {rows.length === 0 ? (
        <p className="qx-empty">{t('diagnostics.none')}</p>
      ) : (
        <table className="qx-table">
          <thead>
            <tr>
              <th>{keyLabel}</th>
              <th className="qx-num">{t('diagnostics.count')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([k, n]) => (
              <tr key={k}>
                <td className="qx-break">{k}</td>
                <td className="qx-num">{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
