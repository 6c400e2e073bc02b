// The system zlib (https://zlib.net/manual.html): deflate and inflate for the record
// stream of changeset files, format version 3 (sync/FORMAT.md).
#ifndef CONCORD_ZLIB_SHIM_H
#define CONCORD_ZLIB_SHIM_H
#include <zlib.h>

// deflateInit and inflateInit are macros that Swift cannot import; these wrappers pass
// the version and stream size the macros would.
static inline int concord_deflate_init(z_stream *stream, int level) {
    return deflateInit(stream, level);
}

static inline int concord_inflate_init(z_stream *stream) {
    return inflateInit(stream);
}
#endif
