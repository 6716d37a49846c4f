/** Texts of the panorama that are not words: areas. */

/** Square metres as m² below a tenth of a square kilometre, else km². */
export function area(m2: number): string {
  return m2 < 100_000 ? `${Math.round(m2).toLocaleString('en')} m²` : `${(m2 / 1e6).toFixed(2)} km²`;
}
