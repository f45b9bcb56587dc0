// The replay terminal and its controls. The terminal is read-only and sized to the
// recording (not to the dialog): the output was laid out for that size, and refitting
// would rewrap it. Timing lives in ReplayPlayer; this only draws and forwards input.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { AsciicastEvent, AsciicastHeader } from '../../shared/terminal/asciicast';
import { Cols, Rows } from '../../shared/terminal/protocol';
import { formatReplayTime, REPLAY_SPEEDS } from './replayClock';
import { replayKeyAction } from './replayKeys';
import { ReplayPlayer, type ReplayState } from './replayPlayer';
import { createReplayWriter } from './replayWriter';
import { createXterm, registerTerminalName } from './xtermSetup';

/** The slider and clock follow playback this often; events themselves are not delayed by it. */
const POSITION_REFRESH_MS = 250;
/** The name e2e tests find the replay terminal by in the test build's terminal registry (xtermSetup.ts). */
const REGISTRY_NAME = 'Replay';
const DEFAULT_SIZE = { cols: 80, rows: 24 };

const INITIAL_STATE: ReplayState = { playing: false, position: 0, duration: 0, speed: 1, skipIdle: false };

/** The header's size when the terminal can take it; a hand-made file may say 0x0. */
function headerSize(header: AsciicastHeader): { cols: number; rows: number } {
  const cols = Cols.safeParse(header.width);
  const rows = Rows.safeParse(header.height);
  return { cols: cols.success ? cols.data : DEFAULT_SIZE.cols, rows: rows.success ? rows.data : DEFAULT_SIZE.rows };
}

interface Props {
  header: AsciicastHeader;
  events: AsciicastEvent[];
  onClose: () => void;
}

export function ReplayView({ header, events, onClose }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const playerRef = useRef<ReplayPlayer | null>(null);
  const [state, setState] = useState<ReplayState>(INITIAL_STATE);
  const speedId = useId();

  useEffect(() => {
    const size = headerSize(header);
    const handle = createXterm(hostRef.current!, { readOnly: true, allowClipboardWrite: false });
    handle.term.resize(size.cols, size.rows);
    registerTerminalName(handle, REGISTRY_NAME);
    const writer = createReplayWriter(handle.term, size);
    const player = new ReplayPlayer(events, writer);
    playerRef.current = player;
    const unsubscribe = player.subscribe(setState);
    setState(player.state());
    return () => {
      unsubscribe();
      player.dispose();
      writer.dispose();
      handle.dispose();
      playerRef.current = null;
    };
  }, [header, events]);

  useEffect(() => {
    if (!state.playing) return;
    const timer = setInterval(() => playerRef.current && setState(playerRef.current.state()), POSITION_REFRESH_MS);
    return () => clearInterval(timer);
  }, [state.playing]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const action = replayKeyAction(event.key, {
      tagName: target.tagName,
      type: target instanceof HTMLInputElement ? target.type : undefined,
      inTerminal: hostRef.current?.contains(target) ?? false,
    });
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    if (action.kind === 'close') onClose();
    else if (action.kind === 'toggle') playerRef.current?.toggle();
    else playerRef.current?.seekBy(action.seconds);
  };

  const elapsed = formatReplayTime(state.position);
  const total = formatReplayTime(state.duration);
  return (
    // Captured here so Space and the arrows work wherever focus is in the dialog.
    <div className="stack" onKeyDownCapture={onKeyDown}>
      <div className="replay-screen" ref={hostRef} aria-label="Replay terminal" />
      <div className="row wrap replay-controls">
        <button type="button" className="primary replay-toggle" onClick={() => playerRef.current?.toggle()}>
          {state.playing ? 'Pause' : 'Play'}
        </button>
        <input
          type="range"
          className="grow replay-position"
          aria-label="Position"
          aria-valuetext={`${elapsed} of ${total}`}
          min={0}
          max={state.duration}
          // Any value: with a fixed step the browser rounds the end down below the last event.
          step="any"
          value={state.position}
          onChange={(e) => playerRef.current?.seek(Number(e.target.value))}
        />
        <span className="mono replay-time" aria-live="off">
          {elapsed} / {total}
        </span>
        <label htmlFor={speedId}>Speed</label>
        <select id={speedId} value={String(state.speed)} onChange={(e) => playerRef.current?.setSpeed(Number(e.target.value))}>
          {REPLAY_SPEEDS.map((speed) => (
            <option key={speed} value={String(speed)}>
              {speed}×
            </option>
          ))}
        </select>
        <label className="inline">
          <input type="checkbox" checked={state.skipIdle} onChange={(e) => playerRef.current?.setSkipIdle(e.target.checked)} />
          Skip idle time
        </label>
      </div>
      <p className="field-hint">Space plays or pauses; ← and → move 5 seconds. Typing does not reach any shell.</p>
    </div>
  );
}
