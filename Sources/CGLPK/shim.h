/* GLPK's public header. Debian ships no pkg-config file for it. */
#include <glpk.h>
