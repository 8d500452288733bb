/*
 * out_errors.h - errors_<P>.csv: every error and warning, UTF-8 with BOM so
 * that Excel opens it, header severity,file,sheet,row,column,value,message,
 * rows sorted by file, sheet, row and column (contract §4).
 */
#ifndef KK_OUT_ERRORS_H
#define KK_OUT_ERRORS_H

#include "kaikaku.h"

#include "render.h"

extern const struct output output_errors;

#endif
