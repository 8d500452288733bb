/*
 * sheet_brief.c - the briefing figures as workbook rows (sheet_brief.h).
 */
#include "kaikaku.h"

#include <math.h>

#include "sheet_brief.h"
#include "sheet_restated.h"

static bool item_of(const struct model *m, const struct item_ref *it, long division)
{
	return division < 0 || m->measures[it->measure].lead == (size_t)division;
}

/* A label in column 0, words across 2..last. */
static void line(struct xw_sheet *s, uint16_t last, uint32_t row, const char *label,
		 const char *words)
{
	xw_text(s, row, 0, label, XW_TEXT);
	if (words)
		xw_span(s, row, 2, last, words, XW_TEXT);
}

/* The items most behind (in the order of the pack's 総括), each with its
 * status, name, division and 対応策; at most max, then how many more. */
static uint32_t behind_rows(struct xw_sheet *s, uint16_t last, uint32_t row,
			    const struct render_input *in, long division, size_t max)
{
	const struct briefing *b = in->b;
	const struct model *m = in->m;
	struct strbuf sb = STRBUF_INIT;
	size_t shown = 0, more = 0;
	char x[PRESENT_MAX];

	for (size_t i = 0; i < b->nbehind; i++) {
		const struct item_ref *it = &b->behind[i];
		const char *action;

		if (!item_of(m, it, division))
			continue;
		if (shown == max) {
			more++;
			continue;
		}
		action = item_action(in->r, it);
		sb_reset(&sb);
		sb_addf(&sb, "　%s %s", present_ref_kind(it->kind), item_id(m, it));
		xw_text(s, row, 0, sb_str(&sb), XW_TEXT);
		xw_status(s, row, 1, it->now);
		sb_reset(&sb);
		sb_adds(&sb, item_name(m, it));
		if (division < 0)
			sb_addf(&sb, "（%s）", m->divisions[m->measures[it->measure].lead].name);
		if (action)
			sb_addf(&sb, "\n対応策: %s", action);
		else
			sb_adds(&sb, "\n対応策なし（PMO から確認）");
		xw_span(s, row++, 2, last, sb_str(&sb), action ? XW_TEXT : XW_NOTE);
		shown++;
	}
	if (more) {
		sb_reset(&sb);
		sb_addf(&sb, "ほか %s 件（シート「KPI一覧」「マイルストーン」の先頭）",
			present_count((long long)more, x));
		line(s, last, row++, "", sb_str(&sb));
	}
	sb_release(&sb);
	return row;
}

uint32_t sheet_brief(struct xw_sheet *s, uint32_t row, const struct render_input *in, long division,
		     uint16_t last)
{
	const struct briefing *b = in->b;
	const struct model *m = in->m;
	struct strbuf sb = STRBUF_INIT;
	char x[PRESENT_MAX], y[PRESENT_MAX];
	size_t worse = 0, improved = 0, behind = 0, none = 0;
	struct completeness c = {0, 0};

	xw_text(s, row++, 0, division < 0 ? "総括（レビュー資料の1ページ目と同じ数字）" : "総括",
		XW_SUBTITLE);
	/* the city's KGI against its pace, in the pack's words */
	present_kgi_sentence(&b->kgi, b->period, b->due, &sb);
	line(s, last, row, "KGI 業務量削減率（市全体）", sb_str(&sb));
	if (b->kgi.has_rate) {
		xw_number(s, row, 1, b->kgi.rate, XW_PCT);
		row++;
		line(s, last, row, "　状況", NULL);
		xw_status(s, row++, 1, b->kgi.status);
	} else {
		row++;
	}
	line(s, last, row, "　今期に期待される削減率", NULL);
	xw_number(s, row++, 1, b->kgi.expected, XW_PCT);
	sb_reset(&sb);
	present_period_due(b->due, &sb);
	line(s, last, row, "　目標", sb_str(&sb));
	xw_number(s, row++, 1, b->kgi.target, XW_PCT);
	if (b->kgi.has_needed) {
		sb_reset(&sb);
		sb_addf(&sb, "毎期 %.1f ポイント（残り %s 四半期）",
			round(b->kgi.needed * 1000) / 10, present_count(b->due - b->period, x));
		line(s, last, row, "　必要なペース", sb_str(&sb));
		xw_number(s, row++, 1, b->kgi.needed, XW_PCT);
	}
	for (size_t i = 0; i < b->nworse; i++)
		worse += item_of(m, &b->worse[i], division);
	for (size_t i = 0; i < b->nimproved; i++)
		improved += item_of(m, &b->improved[i], division);
	for (size_t i = 0; i < b->nbehind; i++)
		if (item_of(m, &b->behind[i], division)) {
			behind++;
			none += !item_action(in->r, &b->behind[i]);
		}
	if (division < 0)
		c = b->city;
	else
		c = b->divisions[division];
	sb_reset(&sb);
	sb_addf(&sb, "悪化 %s 件・改善 %s 件", present_count((long long)worse, x),
		present_count((long long)improved, y));
	line(s, last, row++, division < 0 ? "前四半期からの変化" : "前四半期からの変化（この課）",
	     sb_str(&sb));
	sb_reset(&sb);
	sb_addf(&sb, "%s ／ %s 件（KPI と未完了のマイルストーン）", present_count(c.reported, x),
		present_count(c.owed, y));
	line(s, last, row, division < 0 ? "今期の報告" : "今期の報告（この課）", sb_str(&sb));
	if (c.owed)
		xw_number(s, row, 1, (double)c.reported / c.owed, XW_PCT);
	row++;
	if (division < 0) {
		sb_reset(&sb);
		sb_addf(&sb, "%s 課（シート「未提出」）",
			present_count((long long)in->r->nmissing, x));
		line(s, last, row++, "未提出の課", sb_str(&sb));
	}
	sb_reset(&sb);
	sb_addf(&sb, "注意・遅延 %s 件、うち対応策なし %s 件", present_count((long long)behind, x),
		present_count((long long)none, y));
	line(s, last, row++, division < 0 ? "遅れている項目" : "遅れている項目（この課）",
	     sb_str(&sb));
	row = behind_rows(s, last, row, in, division, SHEET_BRIEF_BEHIND);
	sb_reset(&sb);
	if (!in->restated || !in->restated->known)
		sb_adds(&sb, "履歴がないため、まだ比べられません");
	else
		sb_addf(&sb, "%s 件（シート「%s」）",
			present_count((long long)restated_count(in->restated, division), x),
			SHEET_RESTATED);
	line(s, last, row++, "過去期の修正", sb_str(&sb));
	sb_release(&sb);
	return row + 1;
}
