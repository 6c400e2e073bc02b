#include "concord_terminal.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <editline/readline.h>

static volatile sig_atomic_t interrupt_pending = 0;
static volatile sig_atomic_t resize_pending = 0;
static int interrupted_this_line = 0;
static int pending[4];
static int pending_count = 0;
static struct sigaction previous_interrupt, previous_resize;
static struct sigaction paused_interrupt;
static int installed = 0;
static int interrupt_pipe[2] = {-1, -1};

static void on_interrupt(int signal_number) {
    (void)signal_number;
    interrupt_pending = 1;
    if (interrupt_pipe[1] >= 0) {
        int saved = errno;
        (void)!write(interrupt_pipe[1], "i", 1);
        errno = saved;
    }
}

int concord_terminal_interrupt_descriptor(void) { return interrupt_pipe[0]; }

void concord_terminal_ignore_interrupt(void) {
    struct sigaction ignore;
    memset(&ignore, 0, sizeof ignore);
    sigemptyset(&ignore.sa_mask);
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGINT, &ignore, &paused_interrupt);
}

void concord_terminal_resume_interrupt(void) { sigaction(SIGINT, &paused_interrupt, NULL); }
static void on_resize(int signal_number) { (void)signal_number; resize_pending = 1; }

int concord_terminal_install_signal_handlers(void) {
    if (interrupt_pipe[0] < 0 && pipe(interrupt_pipe) == 0) {
        for (int index = 0; index < 2; index++) fcntl(interrupt_pipe[index], F_SETFD, FD_CLOEXEC);
        fcntl(interrupt_pipe[1], F_SETFL, O_NONBLOCK);
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; /* no SA_RESTART: read() returns EINTR */
    action.sa_handler = on_interrupt;
    if (sigaction(SIGINT, &action, &previous_interrupt) != 0) return -1;
    action.sa_handler = on_resize;
    if (sigaction(SIGWINCH, &action, &previous_resize) != 0) return -1;
    /* A parent may have started us with these signals blocked (threads of test runners do). */
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGINT);
    sigaddset(&wanted, SIGWINCH);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);
    installed = 1;
    return 0;
}

void concord_terminal_restore_signal_handlers(void) {
    if (!installed) return;
    sigaction(SIGINT, &previous_interrupt, NULL);
    sigaction(SIGWINCH, &previous_resize, NULL);
    installed = 0;
}

void concord_terminal_begin_line(void) {
    interrupt_pending = 0;
    interrupted_this_line = 0;
    pending_count = 0;
}

int concord_terminal_was_interrupted(void) { return interrupted_this_line; }

static void push(int character) {
    if (pending_count < (int)(sizeof pending / sizeof pending[0])) pending[pending_count++] = character;
}

static int pop(void) {
    int character = pending[0];
    memmove(pending, pending + 1, sizeof(int) * (size_t)(pending_count - 1));
    pending_count--;
    return character;
}

/* Reads one byte, handling signals; -1 at end of input or on error, -2 when interrupted. */
static int read_byte(int descriptor) {
    for (;;) {
        if (interrupt_pending) return -2;
        unsigned char byte;
        ssize_t count = read(descriptor, &byte, 1);
        if (count == 1) return byte;
        if (count < 0 && errno == EINTR) {
            if (resize_pending) {
                resize_pending = 0;
                rl_resize_terminal();
            }
            continue;
        }
        return -1;
    }
}

/* What libedit reads after Ctrl-C: Ctrl-E (cursor to the end, so the echo lands after
   the text), then the visible "^C", then a newline to finish the line. */
static int interrupt_sequence(void) {
    interrupt_pending = 0;
    interrupted_this_line = 1;
    pending_count = 0;
    push(-3); /* marker: echo ^C, then give the newline */
    return 5; /* Ctrl-E: end of line */
}

int concord_terminal_getc(FILE *stream) {
    if (pending_count > 0) {
        int next = pop();
        if (next == -3) {
            (void)!write(STDOUT_FILENO, "^C", 2);
            return '\n';
        }
        return next;
    }
    int descriptor = stream ? fileno(stream) : STDIN_FILENO;
    int first = read_byte(descriptor);
    if (first == -2) return interrupt_sequence();
    if (first < 0) return EOF;
    if (first < 0x80) return first;
    int length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1;
    if (length == 1) return 0xFFFD; /* a stray continuation byte */
    int code = first & (0x7F >> length);
    for (int index = 1; index < length; index++) {
        int next = read_byte(descriptor);
        if (next == -2) return interrupt_sequence();
        if (next < 0) return EOF;
        if ((next & 0xC0) != 0x80) return 0xFFFD;
        code = (code << 6) | (next & 0x3F);
    }
    return code;
}
