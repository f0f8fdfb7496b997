// Reentrant GEOS C API only: every call takes an explicit context (DESIGN.md section 2).
#ifndef SUPERBLOCK_CGEOS_SHIM_H
#define SUPERBLOCK_CGEOS_SHIM_H
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
#endif
