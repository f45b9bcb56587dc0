// Defences against escape-sequence injection, kept DOM-free so they are unit-tested:
// whatever a program prints (OSC 8 links, OSC 52 clipboard requests) or whatever the user
// pastes must not navigate the app, touch the clipboard, or type commands by itself.

/** Link schemes a click may open (in a new window); file:, javascript:, data: … do nothing. */
const SAFE_LINK_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);

/** True for an absolute http(s) URL, the only links a terminal may open. */
export function isSafeLinkUrl(text: string): boolean {
  try {
    return SAFE_LINK_PROTOCOLS.has(new URL(text).protocol);
  } catch {
    return false;
  }
}

// C0 controls and DEL, except tab, line feed and carriage return. Dropping ESC means a pasted
// "ESC[201~" cannot end bracketed paste early and make the shell run the rest.
// eslint-disable-next-line no-control-regex
const UNSAFE_PASTE_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0080-\u009f]/g;

/** The pasted text with ESC, C1 and every other control character removed except \t \n \r. */
export function sanitizePaste(text: string): string {
  return text.replace(UNSAFE_PASTE_CHARS, '');
}

/** What an OSC 52 payload ("c;<base64>" or "c;?") asks for. */
export type ClipboardRequest = { kind: 'write'; text: string } | { kind: 'query' } | { kind: 'invalid' };

const OSC52_QUERY = '?';

/** Parses the data of OSC 52 ("Pc;Pd"); Pd is base64 of UTF-8 text, or "?" for a read. */
export function parseOsc52(data: string): ClipboardRequest {
  const separator = data.indexOf(';');
  if (separator === -1) return { kind: 'invalid' };
  const payload = data.slice(separator + 1);
  if (payload === OSC52_QUERY) return { kind: 'query' };
  try {
    const bytes = Uint8Array.from(atob(payload), (c) => c.charCodeAt(0));
    return { kind: 'write', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { kind: 'invalid' };
  }
}
