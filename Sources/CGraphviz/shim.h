// CGraphviz: the parts of the system Graphviz C API (libgvc, libcgraph, libcdt) that Reach uses,
// plus one compatibility shim. pkg-config (`libgvc`) supplies `-I<prefix>/include/graphviz`, so the
// headers are included by their bare names, which works for Debian, Homebrew and source installs.

#ifndef REACH_CGRAPHVIZ_SHIM_H
#define REACH_CGRAPHVIZ_SHIM_H

#include <stddef.h>

#include <gvc.h>
#include <cgraph.h>

// graphviz_version.h is installed by every release Reach supports, but guard it anyway so a
// stripped-down install still builds (and falls back to the 2.x signature below).
#if defined(__has_include)
#if __has_include(<graphviz_version.h>)
#include <graphviz_version.h>
#endif
#endif

// gvRenderData's length out-parameter changed type in Graphviz 13.0.0 (CHANGELOG: "Breaking:
// `gvRenderData` takes its `length` parameter as a `size_t *`"). Before that (2.x through 12.x,
// e.g. Debian 12's 2.42.2, which reports itself as 2.43.0) it is `unsigned int *`. Passing a pointer
// to the wrong width would compile in C only with a warning and in Swift not at all, and on 64-bit
// hosts a `size_t` write through an `unsigned int *` slot corrupts the caller's stack.
//
// This is the only place the difference is handled: Swift always calls reach_gvRenderData with a
// `size_t` length, and the inline function below picks the matching native type at compile time.
// GRAPHVIZ_VERSION_MAJOR is defined by graphviz_version.h in the releases that have it (it is
// absent from 2.4x headers, which only define the PACKAGE_VERSION string); when it is missing we
// are on an old release and use the 2.x signature. Graphviz documents these macros as exact for
// releases only, so a development build between 12.x and 13.0.0 may need the macro overridden.
#if defined(GRAPHVIZ_VERSION_MAJOR) && GRAPHVIZ_VERSION_MAJOR >= 13
typedef size_t reach_gv_render_length_t;
#else
typedef unsigned int reach_gv_render_length_t;
#endif

/// gvRenderData with a `size_t` length on every Graphviz version (see the comment above).
///
/// On success returns 0 and stores the malloc'ed output (release it with gvFreeRenderData) in
/// `*result` and its byte count in `*length`. On failure returns non-zero; `*length` is then 0 and
/// `*result` is either untouched or the buffer Graphviz allocated before failing, which the caller
/// must also release with gvFreeRenderData when it is non-NULL.
static inline int reach_gvRenderData(GVC_t *gvc, graph_t *g, const char *format, char **result,
                                     size_t *length) {
    reach_gv_render_length_t native_length = 0;
    int rc = gvRenderData(gvc, g, format, result, &native_length);
    *length = rc == 0 ? (size_t)native_length : 0;
    return rc;
}

#endif
