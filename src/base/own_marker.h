/*
 * own_marker.h - how kaikaku marks the workbooks it writes so that it knows
 * them when they come back: written by the renderers (xlsx_write.c,
 * out_feedback.c), read by ingest.c.
 */
#ifndef KK_OWN_MARKER_H
#define KK_OWN_MARKER_H

/* The workbook-level defined name "_kaikaku", and its values. */
#define OWN_MARKER_NAME "_kaikaku"
#define OWN_MARKER_SUMMARY "summary"
#define OWN_MARKER_FEEDBACK "feedback"
/* The sheet-level name that marks a feedback workbook's submission sheets. */
#define OWN_INPUT_SHEET_NAME "_kaikaku_input"

#endif
