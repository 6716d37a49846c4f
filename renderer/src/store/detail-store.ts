/**
 * What the selected incident has beyond the snapshot: its notes, links and timeline. Fetched
 * when the incident is selected and again (debounced) on every push that concerns it.
 */
import type { NoteView, TimelineEntry } from '../../../shared/model';
import { ExternalStore } from './external-store';

export interface Detail {
  readonly incidentId: string | null;
  readonly notes: readonly NoteView[];
  readonly links: readonly { readonly otherId: string; readonly relation: string }[];
  /** null until the first fetch answers. */
  readonly timeline: readonly TimelineEntry[] | null;
}

const EMPTY: Detail = { incidentId: null, notes: [], links: [], timeline: null };

export class DetailStore extends ExternalStore<Detail> {
  constructor() {
    super(EMPTY);
  }

  /** Starts over for another incident (or none). */
  reset(incidentId: string | null): void {
    if (incidentId !== this.state.incidentId) this.setState({ ...EMPTY, incidentId });
  }

  set(incidentId: string, patch: Partial<Omit<Detail, 'incidentId'>>): void {
    if (incidentId === this.state.incidentId) this.setState({ ...this.state, ...patch });
  }

  addNote(note: NoteView): void {
    if (note.incidentId !== this.state.incidentId || this.state.notes.some((n) => n.id === note.id)) return;
    this.setState({ ...this.state, notes: [...this.state.notes, note] });
  }
}
