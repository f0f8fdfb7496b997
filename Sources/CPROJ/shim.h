#ifndef SUPERBLOCK_CPROJ_SHIM_H
#define SUPERBLOCK_CPROJ_SHIM_H
#include <proj.h>
#include <errno.h>

/// Swift cannot read or write the C `errno` macro portably; PROJ reports bulk failures through it.
static inline void superblock_reset_errno(void) { errno = 0; }
static inline int superblock_errno(void) { return errno; }
#endif
