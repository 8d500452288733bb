-- KGI（業務量削減率）の推移: 期ごとに最後に公表した値
-- 使い方: sqlite3 -header -column output/history.sqlite < kgi_trend.sql
SELECT 期間, 削減時間, 基準業務量, round(業務量削減率 * 100, 1) AS "削減率（%）"
FROM kgi_trend
ORDER BY 期間;
