// Signal-safe helpers for Concord's line editor (libedit).
//
// libedit's readline() retries a read interrupted by a signal, so Ctrl-C cannot
// abandon a line from a Swift signal handler alone. These helpers install SIGINT
// and SIGWINCH handlers without SA_RESTART and provide a character reader
// (for rl_getc_function) that notices the interruption and feeds libedit
// "end of line, then newline", so readline() returns and the caller, seeing the
// interrupt flag, discards the line.
#ifndef CONCORD_TERMINAL_H
#define CONCORD_TERMINAL_H

#include <stdio.h>

/// Installs the SIGINT and SIGWINCH handlers (no SA_RESTART). Returns 0 on success.
int concord_terminal_install_signal_handlers(void);

/// Puts back the handlers that were there before.
void concord_terminal_restore_signal_handlers(void);

/// Clears the interrupt flag and any pending characters; call before each readline().
void concord_terminal_begin_line(void);

/// 1 when Ctrl-C was pressed since concord_terminal_begin_line(), else 0.
int concord_terminal_was_interrupted(void);

/// The read end of a pipe that receives one byte per Ctrl-C (after the handlers are
/// installed), so a thread can interrupt the running command (sqlite3_interrupt) outside
/// the signal handler. -1 before installation.
int concord_terminal_interrupt_descriptor(void);

/// Ignores SIGINT (while a pager owns the terminal, Ctrl-C is the pager's alone).
void concord_terminal_ignore_interrupt(void);

/// Puts back the SIGINT action that concord_terminal_ignore_interrupt() replaced.
void concord_terminal_resume_interrupt(void);

/// Reads one character (a Unicode code point decoded from UTF-8) for libedit.
/// Returns EOF at end of input or on a read error.
int concord_terminal_getc(FILE *stream);

#endif
