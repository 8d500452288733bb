#!/bin/sh
# tests/fuzz/run.sh DIR SECONDS - runs every libFuzzer harness built in DIR:
# first over its seeds and the crashes found before (tests/fuzz/regressions/
# <harness>/: each one a past crash, now a regression test), then SECONDS of
# new inputs, growing DIR/corpus/<harness>/. A crash is saved in DIR/crashes/
# and fails the run: reproduce it with `DIR/<harness> FILE`, fix it, and copy
# FILE into tests/fuzz/regressions/<harness>/.
set -u
dir=$1
seconds=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
status=0
mkdir -p "$dir/crashes"

# the seeds, from what the other tests already hold
seeds() {
	out=$dir/seeds/$1
	rm -rf "$out"
	mkdir -p "$out"
	case $1 in
	fuzz_csv)
		find "$root/tests/corpus/csv-spectrum" "$root/tests/cases" "$root/input" -name '*.csv' -type f |
			while read -r f; do cp "$f" "$out/$(printf %s "$f" | cksum | cut -d' ' -f1).csv"; done ;;
	fuzz_xlsx)
		find "$root/tests/corpus/poi" "$root/tests/corpus/sheetjs" "$root/input" -name '*.xlsx' -type f |
			while read -r f; do cp "$f" "$out/$(printf %s "$f" | cksum | cut -d' ' -f1).xlsx"; done ;;
	fuzz_values)
		i=0
		while IFS= read -r line; do
			i=$((i + 1))
			printf %s "$line" >"$out/v$i"
		done <"$root/tests/fuzz/values.txt" ;;
	fuzz_names)
		printf '総務部' >"$out/n1"
		printf 'ΣΑ部\0σα部\0Σα部' >"$out/n2"
		printf '..\0/etc/passwd\0a:b*c?\0名前\342\200\256fdp.exe' >"$out/n3"
		printf '%%0200d' 0 >"$out/n4"
		printf 'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん' >"$out/n5" ;;
	esac
}

for bin in "$dir"/fuzz_*; do
	[ -x "$bin" ] || continue
	name=$(basename "$bin")
	seeds "$name"
	mkdir -p "$dir/corpus/$name" "$root/tests/fuzz/regressions/$name"
	opts="-rss_limit_mb=2048 -timeout=20 -artifact_prefix=$dir/crashes/$name-"
	# shellcheck disable=SC2086
	if ! "$bin" $opts -runs=0 "$dir/seeds/$name" "$root/tests/fuzz/regressions/$name" >"$dir/$name.replay.log" 2>&1; then
		echo "fuzz: $name: a seed or a regression input crashes it; see $dir/$name.replay.log" >&2
		tail -30 "$dir/$name.replay.log" >&2
		status=1
		continue
	fi
	# shellcheck disable=SC2086
	if ! "$bin" $opts -max_total_time="$seconds" -print_final_stats=1 "$dir/corpus/$name" "$dir/seeds/$name" \
		>"$dir/$name.log" 2>&1; then
		echo "fuzz: $name: a crash; see $dir/$name.log and $dir/crashes/" >&2
		tail -30 "$dir/$name.log" >&2
		status=1
		continue
	fi
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/$name.log")
	echo "fuzz: $name: ${runs:-?} inputs in ${seconds} s, no crash"
done
exit $status
