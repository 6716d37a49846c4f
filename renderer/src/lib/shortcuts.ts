/**
 * Every keyboard shortcut, in one table: the help overlay lists it in the current language
 * (labels under `keys.`), the footer shows the first few, and tests read it.
 */
export interface Shortcut {
  /** Keys as shown. */
  readonly keys: readonly string[];
  /** How the keys go together: alternatives (default), pressed together, or one after the other. */
  readonly join?: 'or' | 'plus' | 'then';
  /** Under `keys.` in the locale files, or a whole key of a feature's texts (with a dot: `cases.keys.desk`). */
  readonly label: string;
  /** Shown in the footer. */
  readonly footer?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['N'], label: 'new', footer: true },
  { keys: ['Enter'], label: 'enter', footer: true },
  { keys: ['J', '↓'], label: 'next' },
  { keys: ['K', '↑'], label: 'previous' },
  { keys: ['E'], label: 'escalate', footer: true },
  { keys: ['R'], label: 'replace' },
  { keys: ['U'], label: 'underControl' },
  { keys: ['C'], label: 'close' },
  { keys: ['Shift', 'N'], join: 'plus', label: 'note' },
  { keys: ['S', '1–7'], join: 'then', label: 'status', footer: true },
  { keys: ['B'], label: 'board', footer: true },
  { keys: ['Q'], label: 'cases.keys.desk', footer: true },
  { keys: ['P'], label: 'cases.keys.kpi' },
  { keys: ['N'], label: 'cases.keys.newCase' },
  { keys: ['J', 'K'], label: 'cases.keys.step' },
  { keys: ['A'], label: 'cases.keys.accept' },
  { keys: [':', 'Ctrl+K'], label: 'command', footer: true },
  { keys: ['/'], label: 'search' },
  { keys: ['W'], label: 'warnings' },
  { keys: ['I'], label: 'reports' },
  { keys: ['D'], label: 'diagnostics' },
  { keys: ['?'], label: 'help', footer: true },
  { keys: ['Esc'], label: 'escape', footer: true },
];

/** The i18n key of a shortcut's label. */
export function shortcutLabel(s: Shortcut): string {
  return s.label.includes('.') ? s.label : `keys.${s.label}`;
}

/** The command line's verbs, in the order the help lists them (syntax under `cmd.usage.`). */
export const COMMAND_HELP = ['open', 'D', 'E', 'U', 'C', 'S', 'R', 'X', 'N', 'L'] as const;
