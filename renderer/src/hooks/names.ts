/** Localized catalog names (agencies, unit types, incident types) for the current language. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency, Catalog, IncidentType, UnitType } from '../../../shared/schemas/catalog';
import { pick } from '../i18n';
import { useConsole } from './runtime';

export interface Names {
  readonly catalog: Catalog | null;
  agency(id: string | null): string;
  agencyColour(id: string | null): string;
  unitType(id: string | null): string;
  incidentType(id: string): string;
}

const GREY = '#8a94a6';

export function useNames(): Names {
  const catalog = useConsole((d) => d.catalog);
  const { i18n, t } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const agencies = new Map<string, Agency>(catalog?.agencies.map((a) => [a.id, a]));
    const unitTypes = new Map<string, UnitType>(catalog?.unitTypes.map((u) => [u.id, u]));
    const incidentTypes = new Map<string, IncidentType>(catalog?.incidentTypes.map((i) => [i.id, i]));
    const name = (x: { name: { zh: string; en: string } } | undefined, fallback: string): string => (x ? pick(x.name, language) : fallback);
    return {
      catalog,
      agency: (id) => (id === null ? t('units.unregistered') : name(agencies.get(id), id)),
      agencyColour: (id) => (id === null ? GREY : (agencies.get(id)?.color ?? GREY)),
      unitType: (id) => (id === null ? '—' : name(unitTypes.get(id), id)),
      incidentType: (id) => name(incidentTypes.get(id), id),
    };
  }, [catalog, language, t]);
}
