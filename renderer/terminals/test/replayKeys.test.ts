import { describe, expect, it } from 'vitest';
import { SEEK_STEP_SECONDS } from '../replayClock';
import { replayKeyAction } from '../replayKeys';

const button = { tagName: 'BUTTON', inTerminal: false };
const slider = { tagName: 'INPUT', type: 'range', inTerminal: false };
const checkbox = { tagName: 'INPUT', type: 'checkbox', inTerminal: false };
const select = { tagName: 'SELECT', inTerminal: false };
const xterm = { tagName: 'TEXTAREA', inTerminal: true };

describe('replayKeyAction', () => {
  it('plays and pauses with Space, and seeks with the arrows', () => {
    expect(replayKeyAction(' ', button)).toEqual({ kind: 'toggle' });
    expect(replayKeyAction(' ', xterm)).toEqual({ kind: 'toggle' });
    expect(replayKeyAction('ArrowLeft', slider)).toEqual({ kind: 'seekBy', seconds: -SEEK_STEP_SECONDS });
    expect(replayKeyAction('ArrowRight', xterm)).toEqual({ kind: 'seekBy', seconds: SEEK_STEP_SECONDS });
    expect(replayKeyAction('a', button)).toBeNull();
  });

  it('leaves keys to the controls that need them', () => {
    expect(replayKeyAction(' ', checkbox)).toBeNull();
    expect(replayKeyAction('ArrowLeft', select)).toBeNull();
  });

  it('closes on Escape from anywhere', () => {
    expect(replayKeyAction('Escape', xterm)).toEqual({ kind: 'close' });
    expect(replayKeyAction('Escape', select)).toEqual({ kind: 'close' });
  });
});
