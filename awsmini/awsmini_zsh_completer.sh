# Tab completion of awsmini for zsh, through zsh's emulation of bash's `complete`.
#
# Load it from ~/.zshrc, after `compinit`:
#
#     source <(awsmini_completer --zsh)
#
# `awsmini_completer` reads the line from COMP_LINE and COMP_POINT, which zsh's
# bashcompinit exports while it completes. zsh replaces the whole word under the
# cursor (bash only its part after the last `:` or `=`), so the candidates are
# asked for whole: COMP_WORDBREAKS is set empty for the call.

autoload -Uz bashcompinit && bashcompinit

_awsmini_completer() {
    COMP_WORDBREAKS='' awsmini_completer "$@"
}

complete -C _awsmini_completer awsmini
