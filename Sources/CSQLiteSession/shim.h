// sqlite3.h declares the session extension only when these macros are defined
// before it is included. Swift's importer never sees defines from Package.swift,
// so this module defines them itself. Each Clang module parses sqlite3.h on its
// own, so GRDB's view of SQLite is unaffected.
// https://www.sqlite.org/sessionintro.html
#ifndef CONCORD_SQLITE_SESSION_SHIM_H
#define CONCORD_SQLITE_SESSION_SHIM_H
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>
#ifndef SQLITE_CHANGESETSTART_INVERT
#error "sqlite3.h did not expose the session extension; install libsqlite3-dev 3.40 or newer"
#endif
#endif
