// SQLite 3 (Debian: libsqlite3-dev), for the GeoPackage writer. Only the GeoPackage module imports it.
#include <sqlite3.h>
