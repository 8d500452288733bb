/*
 * out_feed.h - feed.xml in the output folder itself (contract §6): an Atom
 * 1.0 feed with one entry per published period (the period folders there
 * after this run), newest first, stable tag: IDs from the settings' base URL
 * and the period, and the data's own dates, so a rerun gives the same bytes.
 * Written into render_input.root_dir; publish.c moves it into place right
 * after the period folder.
 */
#ifndef KK_OUT_FEED_H
#define KK_OUT_FEED_H

#include "kaikaku.h"

#include "render.h"

extern const struct output output_feed;

#endif
