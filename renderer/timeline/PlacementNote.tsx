// Shown in the decision and action dialogs opened from quick-add: the backdated time and the
// workstream typed there, which the dialog's timeline entry keeps.
import type { EntryPlacement } from '../../shared/model/commandSchemas';
import { formatWhen } from '../../shared/time/format';
import { nowInstant } from '../../shared/time/instant';

export function PlacementNote({ placement, zone }: { placement: EntryPlacement | undefined; zone: string }) {
  if (!placement || (!placement.occurredAt && !placement.workstream && !placement.key)) return null;
  return (
    <p className="field-hint" aria-label="Timeline entry">
      On the timeline {placement.occurredAt ? `at ${formatWhen(placement.occurredAt, zone, nowInstant())}` : 'now'}
      {placement.workstream ? ` in #${placement.workstream}` : ''}
      {placement.key ? ', as a key event' : ''}.
    </p>
  );
}
