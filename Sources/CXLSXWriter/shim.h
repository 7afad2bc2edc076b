/* libxlsxwriter's public header (Debian: libxlsxwriter-dev). */
#include <xlsxwriter.h>
