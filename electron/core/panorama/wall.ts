/**
 * The wall: what it should show now ("show this incident on the wall": an event, pushed as
 * {kind:'wall'}), and — in Electron only — which layout each display shows, through a WallHost
 * the shell provides (the core knows no displays).
 */
import { ApiError, type CallContext } from '../../../shared/api.js';
import type { IncidentView } from '../../../shared/model.js';
import type { WallDisplayView, WallFocus, WallLayout } from '../../../shared/panorama/model.js';
import { statements, type Statements } from '../store/statements.js';
import type { Store } from '../store/store.js';
import type { EntityIndex } from './spatial.js';

export interface WallHost {
  displays(): WallDisplayView[];
  setLayout(displayId: string, layout: WallLayout | null): WallDisplayView[];
}

export class WallDesk {
  host: WallHost | null = null;
  private readonly sql: Statements;

  constructor(
    private readonly store: Store,
    private readonly index: EntityIndex,
    private readonly incident: (id: string) => IncidentView | undefined,
    private readonly push: (focus: WallFocus) => void,
  ) {
    this.sql = statements(store.db);
  }

  show(input: { incidentId?: string; lat?: number; lon?: number; zoom?: number }, ctx: CallContext): WallFocus {
    let { lat, lon } = input;
    if (input.incidentId) {
      const inc = this.incident(input.incidentId);
      if (!inc) throw new ApiError('not_found', `no incident ${input.incidentId}`);
      ({ lat, lon } = inc);
    }
    if (lat === undefined || lon === undefined) throw new ApiError('bad_request', 'give incidentId, or lat and lon');
    const cameraIds = this.index.within(lat, lon, 1000, new Set(['camera'])).slice(0, 4).map((h) => h.item.id);
    this.store.tx(() =>
      this.store.append('wall.shown', { incidentId: input.incidentId ?? null, lat, lon, zoom: input.zoom ?? 17, cameraIds }, ctx),
    );
    const focus = this.focus();
    if (!focus) throw new ApiError('internal', 'wall focus not recorded');
    this.push(focus);
    return focus;
  }

  focus(): WallFocus | null {
    const r = this.sql.stmt('SELECT * FROM wall_focus WHERE id = 1').get() as
      | { incident_id: string | null; lat: number; lon: number; zoom: number; camera_ids: string; at: number; by: string }
      | undefined;
    return r ? { incidentId: r.incident_id, lat: r.lat, lon: r.lon, zoom: r.zoom, cameraIds: JSON.parse(r.camera_ids) as string[], at: r.at, by: r.by } : null;
  }

  displays(): WallDisplayView[] {
    return this.host?.displays() ?? [];
  }

  setLayout(displayId: string, layout: WallLayout | null): WallDisplayView[] {
    if (!this.host) throw new ApiError('bad_request', 'wall displays are managed by the desktop app only');
    return this.host.setLayout(displayId, layout);
  }
}
