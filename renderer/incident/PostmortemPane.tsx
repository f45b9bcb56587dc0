// The Postmortem view: write the summary, impact and analysis sections (root cause and
// trigger, what went well, what went wrong, where we got lucky), preview the postmortem
// exactly as the host exports it, and save it as Markdown or as a JSON archive. A browser in a
// shared room has no export RPC: it writes the sections (responders) or reads them (observers).
import { useEffect, useState } from 'react';
import type { Incident } from '../../shared/model/types';
import { resolveZone, type ZoneChoice } from '../../shared/time/zones';
import { useIncidentContext, useLocalHost } from '../app/session';
import type { RpcClient } from '../client/rpc';
import { DraftField } from './DraftField';
import { PostmortemSectionField } from './PostmortemSectionField';
import { exportAndSave, fetchExport } from './exportIncident';
import { postmortemHtml } from './postmortemHtml';
import { useDocRevision } from './useDocRevision';

/** Re-export the preview once edits pause for this long; a host export of a big incident is not free. */
const PREVIEW_QUIET_MS = 800;

const ZONE_CHOICES: { value: ZoneChoice; label: string }[] = [
  { value: 'incident', label: 'Incident zone' },
  { value: 'local', label: 'My local zone' },
  { value: 'utc', label: 'UTC' },
];

const ANALYSIS_SECTIONS = [
  { section: 'rootCause', label: 'Root cause and trigger', placeholder: 'What broke, and what set it off.' },
  { section: 'wentWell', label: 'What went well', placeholder: 'What helped us recover.' },
  { section: 'wentWrong', label: 'What went wrong', placeholder: 'What slowed us down or made it worse.' },
  { section: 'gotLucky', label: 'Where we got lucky', placeholder: 'What saved us that we cannot count on next time.' },
] as const;

export function PostmortemPane({ incident }: { incident: Incident }) {
  const rpc = useLocalHost()?.rpc ?? null;
  return (
    <aside className="postmortem-view" aria-label="Postmortem">
      <div className="postmortem-sections">
        <h2>Postmortem</h2>
        <DraftField incident={incident} field="summary" label="Summary" multiline placeholder="What happened, in two or three sentences." />
        <DraftField incident={incident} field="impact" label="Impact" multiline placeholder="Who was affected, how, and for how long." />
        {ANALYSIS_SECTIONS.map(({ section, label, placeholder }) => (
          <PostmortemSectionField key={section} section={section} saved={incident.postmortem[section]} label={label} placeholder={placeholder} />
        ))}
      </div>
      {rpc ? <PostmortemExport incident={incident} rpc={rpc} /> : <p className="muted">Preview and export are in the War Room app of whoever hosts this room.</p>}
    </aside>
  );
}

function PostmortemExport({ incident, rpc }: { incident: Incident; rpc: RpcClient }) {
  const { doc, incidentId } = useIncidentContext();
  const [all, setAll] = useState(false);
  const [zoneChoice, setZoneChoice] = useState<ZoneChoice>('incident');
  const [preview, setPreview] = useState<{ html: string } | { error: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const revision = useDocRevision(doc, PREVIEW_QUIET_MS);
  const timeZone = resolveZone(zoneChoice, incident.timeZone);

  useEffect(() => {
    let live = true;
    fetchExport(rpc, { incidentId, format: 'md', timeZone, all }).then(
      ({ content }) => live && setPreview({ html: postmortemHtml(content) }),
      (error: Error) => live && setPreview({ error: error.message }),
    );
    return () => {
      live = false;
    };
  }, [rpc, incidentId, timeZone, all, revision]);

  const save = async (format: 'md' | 'json') => {
    setMessage(null);
    try {
      setMessage(await exportAndSave(rpc, { incidentId, format, timeZone, all }));
    } catch (error) {
      setMessage((error as Error).message);
    }
  };

  return (
    <div className="postmortem-export">
      <fieldset className="options">
        <legend>Timeline in the export</legend>
        <label className="inline">
          <input type="radio" name="postmortem-scope" checked={!all} onChange={() => setAll(false)} />
          Key events only
        </label>
        <label className="inline">
          <input type="radio" name="postmortem-scope" checked={all} onChange={() => setAll(true)} />
          Everything
        </label>
        <label className="inline">
          <span>Times in</span>
          <select aria-label="Postmortem time zone" value={zoneChoice} onChange={(e) => setZoneChoice(e.target.value as ZoneChoice)}>
            {ZONE_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <div className="row">
        <button type="button" className="primary" onClick={() => void save('md')}>
          Save Markdown
        </button>
        <button type="button" onClick={() => void save('json')}>
          Save JSON archive
        </button>
      </div>
      {message && (
        <p className="muted" role="status">
          {message}
        </p>
      )}
      {preview === null && <p className="muted">Rendering preview…</p>}
      {preview && 'error' in preview && (
        <p className="field-error" role="alert">
          Preview unavailable: {preview.error}
        </p>
      )}
      {preview && 'html' in preview && (
        <article className="markdown-preview" aria-label="Postmortem preview" dangerouslySetInnerHTML={{ __html: preview.html }} />
      )}
    </div>
  );
}
