// Our shell integration scripts, kept as strings so the bundle carries them and they are written
// to <dataDir>/shell-integration/ at startup. They emit OSC 633 marks (VS Code's scheme) that end
// with a per-session nonce: program output cannot forge a mark without it. The nonce arrives in a
// 0600 file named by WARROOM_NONCE_FILE, which the script reads and deletes before any user file
// runs (so no program the user starts later can read it); the nonce lives on only in a shell
// variable that is never exported. The user's own rc files are sourced, never edited.
//
// Marks: E;<escaped line> (the command line), C (about to run), D;<exit> (finished), P;Cwd=<escaped>.
// Escaping: "\" → "\\", ";" and control characters → \xHH (what shared/terminal/shellMarks.ts undoes).

/** bash, started as `bash --init-file <this>`. */
export const BASH_INTEGRATION = String.raw`# War Room shell integration for bash (generated; edits are overwritten).
__wr_nonce=
if [ -n "$WARROOM_NONCE_FILE" ]; then
  IFS= read -r __wr_nonce < "$WARROOM_NONCE_FILE"
  command rm -f -- "$WARROOM_NONCE_FILE"
fi
unset WARROOM_NONCE_FILE
if [ -n "$WARROOM_SHELL_LOGIN" ]; then
  unset WARROOM_SHELL_LOGIN
  [ -r /etc/profile ] && . /etc/profile
  if [ -r ~/.bash_profile ]; then . ~/.bash_profile
  elif [ -r ~/.bash_login ]; then . ~/.bash_login
  elif [ -r ~/.profile ]; then . ~/.profile
  fi
else
  [ -r ~/.bashrc ] && . ~/.bashrc
fi

if [ -n "$__wr_nonce" ] && [ -z "$__wr_installed" ]; then
__wr_installed=1
__wr_escape() {
  local s=$1
  s=${'$'}{s//\\/\\\\}; s=${'$'}{s//;/\\x3b}; s=${'$'}{s//$'\n'/\\x0a}; s=${'$'}{s//$'\r'/\\x0d}; s=${'$'}{s//$'\a'/\\x07}; s=${'$'}{s//$'\e'/\\x1b}
  __wr_escaped=$s
}
__wr_ready=0
__wr_running=0
__wr_histnum=
__wr_prompt_start() {
  local status=$?
  __wr_ready=0
  if [ "$__wr_running" = 1 ]; then builtin printf '\e]633;D;%s;%s\a' "$status" "$__wr_nonce"; fi
  __wr_running=0
  __wr_escape "$PWD"
  builtin printf '\e]633;P;Cwd=%s;%s\a' "$__wr_escaped" "$__wr_nonce"
  return $status
}
__wr_prompt_end() { __wr_ready=1; }
__wr_preexec() {
  # The DEBUG trap fires before every simple command: act only on the first one after a prompt,
  # never for our own PROMPT_COMMAND parts or for completion functions.
  [ "$__wr_ready" = 1 ] || return 0
  [ -n "$COMP_LINE" ] && return 0
  case "$BASH_COMMAND" in __wr_prompt_start*|__wr_prompt_end*) return 0 ;; esac
  __wr_ready=0
  __wr_running=1
  local h line=$BASH_COMMAND
  h=$(HISTTIMEFORMAT= builtin history 1)
  # A line left out of history (ignorespace) keeps the old number: fall back to BASH_COMMAND.
  if [[ $h =~ ^\ *([0-9]+)\*?\ +(.*)$ ]] && [ "${'$'}{BASH_REMATCH[1]}" != "$__wr_histnum" ]; then
    __wr_histnum=${'$'}{BASH_REMATCH[1]}
    line=${'$'}{BASH_REMATCH[2]}
  fi
  __wr_escape "$line"
  builtin printf '\e]633;E;%s;%s\a\e]633;C;%s\a' "$__wr_escaped" "$__wr_nonce" "$__wr_nonce"
}
__wr_h=$(HISTTIMEFORMAT= builtin history 1)
[[ $__wr_h =~ ^\ *([0-9]+) ]] && __wr_histnum=${'$'}{BASH_REMATCH[1]}
unset __wr_h
if [[ "$(declare -p PROMPT_COMMAND 2>/dev/null)" == "declare -a"* ]]; then
  PROMPT_COMMAND=(__wr_prompt_start "${'$'}{PROMPT_COMMAND[@]}" __wr_prompt_end)
else
  PROMPT_COMMAND="__wr_prompt_start"$'\n'"${'$'}{PROMPT_COMMAND:+$PROMPT_COMMAND$'\n'}__wr_prompt_end"
fi
trap '__wr_preexec' DEBUG
fi
`;

/** zsh: ZDOTDIR points at our folder; each of our files runs the user's own with ZDOTDIR restored. */
const ZSH_SOURCE_USER = (file: string, keepZdotdir = false) => String.raw`if [[ -r "${'$'}{WARROOM_USER_ZDOTDIR:-$HOME}/${file}" ]]; then
  __wr_zdotdir=$ZDOTDIR; ZDOTDIR=${'$'}{WARROOM_USER_ZDOTDIR:-$HOME}
  . "$ZDOTDIR/${file}"
  ${keepZdotdir ? '[[ "$ZDOTDIR" != "$HOME" ]] && WARROOM_USER_ZDOTDIR=$ZDOTDIR' : ':'}
  ZDOTDIR=$__wr_zdotdir
fi`;

/** A .zshenv that sets ZDOTDIR (e.g. ~/.config/zsh) moves the rest of the user's files there. */
export const ZSH_ENV = String.raw`# War Room shell integration for zsh (generated; edits are overwritten).
__wr_nonce=
if [[ -n "$WARROOM_NONCE_FILE" ]]; then
  IFS= read -r __wr_nonce < "$WARROOM_NONCE_FILE"
  command rm -f -- "$WARROOM_NONCE_FILE"
fi
unset WARROOM_NONCE_FILE
${ZSH_SOURCE_USER('.zshenv', true)}
`;

export const ZSH_PROFILE = String.raw`${ZSH_SOURCE_USER('.zprofile')}
`;

export const ZSH_RC = String.raw`${ZSH_SOURCE_USER('.zshrc')}
# Hand ZDOTDIR back to the user so .zlogin and later tools see their own directory.
if [[ -n "${'$'}{WARROOM_USER_ZDOTDIR+x}" ]]; then ZDOTDIR=$WARROOM_USER_ZDOTDIR; else unset ZDOTDIR; fi
unset WARROOM_USER_ZDOTDIR __wr_zdotdir
if [[ -n "$__wr_nonce" ]]; then
__wr_running=0
__wr_escape() {
  local s=$1
  s=${'$'}{s//\\/\\\\}; s=${'$'}{s//;/\\x3b}; s=${'$'}{s//$'\n'/\\x0a}; s=${'$'}{s//$'\r'/\\x0d}; s=${'$'}{s//$'\a'/\\x07}; s=${'$'}{s//$'\e'/\\x1b}
  REPLY=$s
}
__wr_precmd() {
  local st=$?
  if (( __wr_running )); then builtin printf '\e]633;D;%s;%s\a' "$st" "$__wr_nonce"; fi
  __wr_running=0
  __wr_escape "$PWD"
  builtin printf '\e]633;P;Cwd=%s;%s\a' "$REPLY" "$__wr_nonce"
}
__wr_preexec() {
  __wr_running=1
  __wr_escape "$1"
  builtin printf '\e]633;E;%s;%s\a\e]633;C;%s\a' "$REPLY" "$__wr_nonce" "$__wr_nonce"
}
# First in line, so $? in precmd is still the command's status.
precmd_functions=(__wr_precmd $precmd_functions)
preexec_functions=(__wr_preexec $preexec_functions)
fi
`;
