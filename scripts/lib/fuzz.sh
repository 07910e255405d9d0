# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
# The libFuzzer targets (fuzz/): their clang build and one bounded run. Shared by scripts/test
# (20 s each) and scripts/fuzz (one target, long). Source it after common.sh.

# fuzz_build DIR TARGET...: a clang build of the tree under ASan + UBSan with coverage
# (OOBM_BUILD_FUZZERS=ON), only the targets named.
fuzz_build() {
    local dir=$1
    shift
    local targets=()
    for t in "$@"; do targets+=(--target "$t"); done
    configure_and_build "$dir" "${targets[@]}" -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-g -O1" \
        -DOOBM_BUILD_UI=OFF -DOOBM_BUILD_TESTS=OFF -DOOBM_BUILD_BENCHMARKS=OFF -DOOBM_BUILD_FUZZERS=ON \
        -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang
}

# fuzz_run DIR NAME SECONDS: runs fuzz target NAME of the build in DIR for SECONDS on a throwaway
# copy of its seed corpus (fuzz/corpus/<name without fuzz_>), so the repository's corpus is never
# modified. Prints the executions; returns 1 on a crash, leak, timeout or broken invariant, and
# keeps the log and the input that caused it in the temporary folder it names.
fuzz_run() {
    local dir=$1 name=$2 seconds=$3 work
    say "Fuzzing: $name ($seconds s)"
    work=$(mktemp -d /tmp/oobm-fuzz.XXXXXX)
    cp -r "$OOBM_ROOT/fuzz/corpus/${name#fuzz_}" "$work/corpus"
    mkdir "$work/artifacts"
    if (cd "$work" && "$dir/fuzz/$name" -max_total_time="$seconds" -max_len=13000 -timeout=10 \
            -print_final_stats=1 -artifact_prefix="$work/artifacts/" "$work/corpus" >"$work/fuzz.log" 2>&1); then
        awk -v name="$name" '/^stat::number_of_executed_units:/ { runs = $2 }
            /^stat::average_exec_per_sec:/ { rate = $2 }
            /^stat::new_units_added:/ { added = $2 }
            END { printf "%s: %d executions (%d/s), %d new inputs, no crash.\n", name, runs, rate, added }' \
            "$work/fuzz.log"
        rm -rf "$work"
        return 0
    fi
    tail -n 60 "$work/fuzz.log" >&2
    echo "$name failed: the log and the crashing input are in $work" >&2
    return 1
}
