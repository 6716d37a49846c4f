import { useNow } from '../../hooks/now';
import { clock, dateIso } from '../../lib/format';

export function Clock() {
  const now = useNow();
  return (
    <div className="qx-clock" data-testid="clock">
      <span className="qx-clock__time">{clock(now)}</span>
      <span className="qx-clock__date">{dateIso(now)}</span>
    </div>
  );
}
