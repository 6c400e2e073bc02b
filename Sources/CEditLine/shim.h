// libedit's readline-compatible interface (Debian: libedit-dev).
#ifndef CONCORD_EDITLINE_SHIM_H
#define CONCORD_EDITLINE_SHIM_H
#include <stdio.h>
#include <editline/readline.h>
#endif
