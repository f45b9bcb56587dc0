// "New action": hidden until openActionDraft({ text }) is called (the Actions view's button,
// or `/action …` in quick-add, which prefills the text).
import { createAction } from '../../shared/model/actionCommands';
import { Dialog } from '../app/Dialog';
import { useIncidentContext } from '../app/session';
import { useDisplayZone } from '../timeline/incidentMetaStore';
import { PlacementNote } from '../timeline/PlacementNote';
import { ActionForm, type ActionValues } from './ActionForm';
import { closeActionDraft, useActionDraft } from './actionDraft';
import { commandFailure } from './commandFailure';
import './actions.css';

export function ActionDraftDialog() {
  const draft = useActionDraft();
  const { doc, author, canWrite } = useIncidentContext();
  const zone = useDisplayZone();
  if (!draft || !canWrite) return null;

  const initial: ActionValues = { text: draft.text, owner: '', dueAt: null, priority: 'P2', entryIds: [], decisionIds: [] };
  const create = (values: ActionValues) => {
    try {
      createAction(doc, { author }, { ...draft.placement, ...values });
      closeActionDraft();
      return null;
    } catch (error) {
      return commandFailure(error);
    }
  };

  return (
    <Dialog title="New action item" onCancel={closeActionDraft}>
      <div className="action-dialog">
        <PlacementNote placement={draft.placement} zone={zone} />
        <ActionForm initial={initial} zone={zone} submitLabel="Create action" onSubmit={create} onCancel={closeActionDraft} />
      </div>
    </Dialog>
  );
}
