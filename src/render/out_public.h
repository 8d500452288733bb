/*
 * out_public.h - public/: the public progress page of the contract §6,
 * index.html, one page per pillar (pillarN.html) and style.css, as jobs
 * (render.h): job 0 the stylesheet, job 1 index.html, job 2 + i pillar i's.
 * What is published comes from the settings' <public> section.
 */
#ifndef KK_OUT_PUBLIC_H
#define KK_OUT_PUBLIC_H

#include "kaikaku.h"

#include "render.h"

extern const struct output output_public;

#endif
