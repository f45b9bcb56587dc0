// The Markdown of an alert's timeline entry: what fired or resolved, its labels, annotations and
// link, and where it came from (source and fingerprint), so the postmortem can trace it back.
import { SOURCE_NAMES, type IntakeAlert, type IntakeSource } from './alertSources';

/** A value inside an inline code span: backticks would end the span early, newlines would break the list. */
const code = (value: string): string => `\`${value.replace(/`/g, "'").replace(/\s+/g, ' ')}\``;

export function alertEntryText(source: IntakeSource, alert: IntakeAlert, title: string, service: string | null): string {
  const lines = [`**Alert ${alert.status}** from ${SOURCE_NAMES[source]}: ${title}${service ? ` (service ${code(service)})` : ''}`];
  const labels = Object.entries(alert.labels);
  if (labels.length > 0) lines.push('', `- Labels: ${labels.map(([k, v]) => code(`${k}=${v}`)).join(', ')}`);
  else lines.push('');
  for (const [name, value] of Object.entries(alert.annotations)) lines.push(`- ${name[0]?.toUpperCase() ?? ''}${name.slice(1)}: ${value.replace(/\s+/g, ' ')}`);
  if (alert.link) lines.push(`- Link: <${alert.link}>`);
  lines.push(`- Source: ${source}, fingerprint ${code(alert.fingerprint)}, started ${alert.startsAt}${alert.endsAt ? `, ended ${alert.endsAt}` : ''}`);
  return lines.join('\n');
}
