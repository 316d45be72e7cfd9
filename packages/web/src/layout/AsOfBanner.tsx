// The server's clinical clock is fixed (`knotwork serve --as-of`, demos and tests): every screen,
// age and date on these pages uses that time, so it is said on every page.
import { formatDateTime } from '../ui/format';

export function AsOfBanner({ asOf }: { readonly asOf: string | null }) {
  if (!asOf) return null;
  return (
    <div className="asof-banner" role="note" aria-label="Fixed clock">
      <strong>Fixed clock:</strong> the server runs at {formatDateTime(asOf)}. Screens, ages and dates use this time,
      not today.
    </div>
  );
}
