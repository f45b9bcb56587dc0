// The one place an xterm.js Terminal is built, for live terminals and for replay alike, so
// every terminal gets the same theme, addons and escape-sequence defences:
// - links (OSC 8 and plain-text URLs) show their target on hover and open only on Ctrl/Cmd+click,
//   only when http(s), in a new window, never in place; an OSC 8 link whose text is not its
//   target asks first (linkGuard.ts);
// - OSC 52 is always swallowed: a write reaches the clipboard only when the setting allows it,
//   and a query is never answered (answering would leak the clipboard to whatever printed it);
// - WebGL is used when a GPU runs it; without one, on failure or on context loss, the DOM renderer
//   carries on.
/// <reference types="vite/client" />
import { Terminal, type ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { Unicode11Addon } from '@xterm/addon-unicode11';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { WebglAddon } from '@xterm/addon-webgl';
import '@xterm/xterm/css/xterm.css';
import { SCROLLBACK_LINES } from '../../shared/terminal/protocol';
import { createLinkGuard } from './linkGuard';
import { parseOsc52 } from './terminalSafety';

export interface XtermHandle {
  term: Terminal;
  fit: FitAddon;
  search: SearchAddon;
  dispose(): void;
}

/** OSC 52: "manipulate selection data" (clipboard). */
const OSC_CLIPBOARD = 52;
const UNICODE_VERSION = '11';
/** Alpha appended to the accent colour for the selection, so selected text stays readable. */
const SELECTION_ALPHA_HEX = '66';
const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/**
 * Where e2e tests and the bench find terminals by name, to read their buffers: test builds only.
 * `import.meta.env.WARROOM_TEST_HOOKS` is a build-time constant (vite.config.ts): false in the
 * production bundle (dist/renderer), which therefore has no registry and no global; true in
 * dist/renderer-test, which the e2e tests and the bench load through Playwright (e2e/support/testRenderer.ts).
 */
type TerminalRegistry = Map<string, Terminal>;
const registeredNames = new WeakMap<Terminal, string>();

function registry(): TerminalRegistry {
  const global = globalThis as unknown as { __warroomTerminals?: TerminalRegistry };
  global.__warroomTerminals ??= new Map();
  return global.__warroomTerminals;
}

/** Lists the terminal in the test registry under `name` (its title), replacing an older name. */
export function registerTerminalName(handle: XtermHandle, name: string): void {
  if (!import.meta.env.WARROOM_TEST_HOOKS) return;
  unregister(handle.term);
  registeredNames.set(handle.term, name);
  registry().set(name, handle.term);
}

function unregister(term: Terminal): void {
  if (!import.meta.env.WARROOM_TEST_HOOKS) return;
  const old = registeredNames.get(term);
  if (old !== undefined && registry().get(old) === term) registry().delete(old);
  registeredNames.delete(term);
}

function cssVar(styles: CSSStyleDeclaration, name: string): string {
  return styles.getPropertyValue(name).trim();
}

/** The terminal's colours, from the app theme's CSS variables (dark or light). */
export function readXtermTheme(): ITheme {
  const styles = getComputedStyle(document.documentElement);
  const accent = cssVar(styles, '--accent');
  return {
    background: cssVar(styles, '--bg'),
    foreground: cssVar(styles, '--fg'),
    cursor: cssVar(styles, '--fg'),
    cursorAccent: cssVar(styles, '--bg'),
    selectionBackground: HEX_COLOUR.test(accent) ? `${accent}${SELECTION_ALPHA_HEX}` : cssVar(styles, '--bg-selected'),
    red: cssVar(styles, '--danger'),
    green: cssVar(styles, '--ok'),
    yellow: cssVar(styles, '--warn'),
    blue: cssVar(styles, '--accent'),
  };
}

/** Renderer names of WebGL implemented on the CPU, where xterm's DOM renderer is much faster. */
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render/i;
let hardwareWebgl: boolean | null = null;

/**
 * True when WebGL 2 runs on a GPU. Without one (a VM, a remote desktop, Chromium with the GPU
 * disabled) browsers fall back to software WebGL, where every frame costs tens of milliseconds of
 * main-thread time: xterm then parsed 1 MB/s against 30+ MB/s with its DOM renderer.
 */
function hasHardwareWebgl(): boolean {
  if (hardwareWebgl !== null) return hardwareWebgl;
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    const renderer = gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    hardwareWebgl = gl !== null && gl !== undefined && !SOFTWARE_GL.test(renderer);
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    hardwareWebgl = false;
  }
  return hardwareWebgl;
}

function loadWebgl(term: Terminal): void {
  if (!hasHardwareWebgl()) return;
  try {
    const webgl = new WebglAddon();
    webgl.onContextLoss(() => webgl.dispose());
    term.loadAddon(webgl);
  } catch {
    // No WebGL (e.g. GPU disabled): the DOM renderer is already in place.
  }
}

function writeClipboard(text: string): void {
  navigator.clipboard?.writeText(text).catch(() => {
    // Not focused or not permitted: the program's request is dropped, as with any terminal.
  });
}

export function createXterm(host: HTMLElement, opts: { readOnly?: boolean; allowClipboardWrite: boolean }): XtermHandle {
  const styles = getComputedStyle(document.documentElement);
  const term = new Terminal({
    scrollback: SCROLLBACK_LINES,
    allowProposedApi: true,
    fontFamily: cssVar(styles, '--font-mono') || 'monospace',
    theme: readXtermTheme(),
    cursorBlink: false,
    disableStdin: opts.readOnly ?? false,
  });
  const links = createLinkGuard(term);
  term.options.linkHandler = links.osc8;
  const fit = new FitAddon();
  const search = new SearchAddon();
  term.loadAddon(fit);
  term.loadAddon(search);
  term.loadAddon(new WebLinksAddon(links.plain.open, { hover: links.plain.hover, leave: links.plain.leave }));
  term.loadAddon(new Unicode11Addon());
  term.unicode.activeVersion = UNICODE_VERSION;

  term.parser.registerOscHandler(OSC_CLIPBOARD, (data) => {
    const request = parseOsc52(data);
    if (opts.allowClipboardWrite && request.kind === 'write') writeClipboard(request.text);
    return true;
  });

  term.open(host);
  loadWebgl(term);

  // Follow the app's theme switch (dark ↔ light) without rebuilding the terminal.
  const themeWatch = new MutationObserver(() => (term.options.theme = readXtermTheme()));
  themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

  return {
    term,
    fit,
    search,
    dispose() {
      themeWatch.disconnect();
      links.dispose();
      unregister(term);
      term.dispose();
    },
  };
}
