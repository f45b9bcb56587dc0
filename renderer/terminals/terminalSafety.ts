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

/** What a click on a terminal link does. */
export type LinkClick =
  /** Not http(s): nothing, ever. */
  | { kind: 'ignore' }
  /** A plain click (no Ctrl/Cmd): nothing opens, the tooltip says how. */
  | { kind: 'hint' }
  | { kind: 'open'; url: string }
  /** Ctrl/Cmd+click on a link whose text is not its target: ask first, showing both. */
  | { kind: 'confirm'; url: string; text: string };

/**
 * A link opens only on Ctrl+click (Cmd+click on macOS), so a stray click on output never leaves
 * the war room; and a link whose visible text differs from where it goes (an OSC 8 link can say
 * anything) is confirmed first.
 */
export function decideLinkClick(url: string, shownText: string, mods: { ctrlKey: boolean; metaKey: boolean }): LinkClick {
  if (!isSafeLinkUrl(url)) return { kind: 'ignore' };
  if (!mods.ctrlKey && !mods.metaKey) return { kind: 'hint' };
  const text = shownText.trim();
  return text === url ? { kind: 'open', url } : { kind: 'confirm', url, text };
}

/** The modifier that opens a link, as the platform names it. */
export function linkModifierName(platform: string): 'Cmd' | 'Ctrl' {
  return /mac|iphone|ipad/i.test(platform) ? 'Cmd' : 'Ctrl';
}
