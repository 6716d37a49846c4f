/**
 * Which wall layout this page shows: `/wall/{layout}` on the web host (and in Electron's wall
 * windows), or null for the workstation. Pure, so the route is unit-tested without a browser.
 */
import { WALL_LAYOUTS, type WallLayout } from '../../../../shared/panorama/model';

export function wallLayoutOf(pathname: string): WallLayout | null {
  const m = /^\/wall\/([a-z]+)\/?$/.exec(pathname);
  if (!m) return null;
  return (WALL_LAYOUTS as readonly string[]).includes(m[1]) ? (m[1] as WallLayout) : null;
}
