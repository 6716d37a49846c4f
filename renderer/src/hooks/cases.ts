/** React access to the case desk's store, and catalog names (categories, bodies, districts) in the current language. */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { CasesCatalog } from '../../../shared/cases/model';
import type { CasesState } from '../store/cases-store';
import type { KpiState } from '../store/kpi-store';
import { useRuntime } from './runtime';

export function useCases<T>(select: (s: CasesState) => T): T {
  const { cases } = useRuntime();
  return useSyncExternalStore(cases.subscribe, () => select(cases.getState()));
}

/** Loads the desk's catalog and queue once a component that needs them shows. */
export function useCasesLoaded(): boolean {
  const { cases } = useRuntime();
  useEffect(() => cases.ensure(), [cases]);
  return useCases((s) => s.loaded);
}

export interface CaseNames {
  category(id: string): string;
  body(id: string | null): string;
  district(id: string | null): string;
}

type Named = { readonly id: string; readonly zh: string; readonly en: string };

/** Name lookups over a catalog; an unknown id reads as itself. */
export function caseNames(catalog: CasesCatalog | null, language: string): CaseNames {
  const zh = language.startsWith('zh');
  const index = (list: readonly Named[] | undefined): Map<string, string> => new Map((list ?? []).map((x) => [x.id, zh ? x.zh : x.en]));
  const categories = index(catalog?.categories);
  const bodies = index(catalog?.bodies);
  const districts = index(catalog?.districts);
  return {
    category: (id) => categories.get(id) ?? id,
    body: (id) => (id === null ? '—' : (bodies.get(id) ?? id)),
    district: (id) => (id === null ? '—' : (districts.get(id) ?? id)),
  };
}

export function useCaseNames(): CaseNames {
  const { i18n } = useTranslation();
  const catalog = useCases((s) => s.catalog);
  return useMemo(() => caseNames(catalog, i18n.language), [catalog, i18n.language]);
}

export function useKpi<T>(select: (s: KpiState) => T): T {
  const { kpi } = useRuntime();
  return useSyncExternalStore(kpi.subscribe, () => select(kpi.getState()));
}
