/**
 * The command line's vocabulary: incident types, unit statuses and dispositions by id, by
 * number (statuses 1–7) and by their labels in both languages, whatever the console shows.
 */
import { useMemo } from 'react';
import { DISPOSITIONS, UNIT_STATUSES, type Disposition, type UnitStatus } from '../../../shared/model';
import en from '../i18n/en.json';
import zh from '../i18n/zh-CN.json';
import { aliasMap, type CommandContext } from '../lib/command';
import { useConsole } from './runtime';

const labels = (group: Record<string, string>, id: string): string[] => (group[id] ? [group[id]] : []);

export function useCommandContext(): CommandContext {
  const catalog = useConsole((d) => d.catalog);
  return useMemo(
    () => ({
      incidentTypes: aliasMap<string>((catalog?.incidentTypes ?? []).map((t) => [t.id, [t.name.zh, t.name.en]] as const)),
      statuses: aliasMap<UnitStatus>(
        UNIT_STATUSES.map((s, i) => [s, [String(i + 1), s.replace(/_/g, ' '), ...labels(zh.unitStatus, s), ...labels(en.unitStatus, s)]] as const),
      ),
      dispositions: aliasMap<Disposition>(
        DISPOSITIONS.map((d) => [d, [d.replace(/_/g, ' '), ...labels(zh.disposition, d), ...labels(en.disposition, d)]] as const),
      ),
    }),
    [catalog],
  );
}
