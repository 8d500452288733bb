/*
 * out_public.h - public/: the public progress page of the contract §6,
 * index.html (the KGI, its trend, the pillars and departments), per pillar
 * the list of its measures (pillarN.html), per department its measures with
 * their KPIs and milestones (deptN.html), each cut into pages (pillarN-2.html)
 * when long, and style.css, as jobs (render.h): job 0 the stylesheet, job 1
 * index.html, then one per page. What is published comes from the settings'
 * <public> section.
 */
#ifndef KK_OUT_PUBLIC_H
#define KK_OUT_PUBLIC_H

#include "kaikaku.h"

#include "render.h"

extern const struct output output_public;

#endif
