#!/usr/bin/env bash
# Mutation check for the #10305 arbiter: in a scratch worktree of REV (default HEAD), break
# initialized_mut()'s shutting-down refusal (UploadQueue.usable() then accepts a queue that is shutting
# down) and run the race suite on it. The suite must fail: this prints the tests that failed.
#
#   .ci/mutation-initialized-mut.sh [REV]        MUTATION_TESTS=... overrides the tests run
#
# Exit 0: the mutant is killed (the suite failed). 1: it survived. 2: set-up error (no mutation site,
# build broken before the tests). The production code has no mutation switch: the edit exists only in
# the scratch copy, which is removed on exit.
set -euo pipefail

repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
rev=${1:-HEAD}
tests=${MUTATION_TESTS:-PinnedRegressionsTest,VerdictMatrixTest,FidelityAuditTest}
scratch=$(mktemp -d /tmp/offload-sim-mutant.XXXXXX)
cleanup() { git -C "$repo" worktree remove --force "$scratch" >/dev/null 2>&1 || rm -rf "$scratch"; }
trap cleanup EXIT
rmdir "$scratch"
git -C "$repo" worktree add --detach "$scratch" "$rev" >/dev/null 2>&1 || { echo "cannot check out $rev" >&2; exit 2; }

site="$scratch/model/src/main/java/offloadsim/model/remote/UploadQueue.java"
original='return kind == Kind.INITIALIZED && !shuttingDown;'
if ! grep -qF "$original" "$site"; then
    echo "mutation site not found: '$original' in ${site#"$scratch"/}" >&2
    exit 2
fi
sed -i 's/return kind == Kind.INITIALIZED && !shuttingDown;/return kind == Kind.INITIALIZED;/' "$site"
grep -qF 'return kind == Kind.INITIALIZED;' "$site" || { echo "mutation not applied" >&2; exit 2; }
echo "mutant: ${site#"$scratch"/}: usable() ignores shuttingDown (rev $(git -C "$scratch" rev-parse --short HEAD))"

cd "$scratch"
log="$scratch/mvn.log"
set +e
mvn -o -B -pl scenarios -am test -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1
rc=$?
set -e

failed=$(python3 - "$scratch" <<'EOF'
import glob, sys, xml.etree.ElementTree as ET
for f in sorted(glob.glob(sys.argv[1] + "/*/target/surefire-reports/TEST-*.xml")):
    for case in ET.parse(f).getroot().iter("testcase"):
        bad = case.find("failure")
        if bad is None:
            bad = case.find("error")
        if bad is not None:
            msg = (bad.get("message") or "").strip().splitlines()
            print(f"  {case.get('classname').rsplit('.', 1)[-1]} > {case.get('name')}: {msg[0] if msg else bad.tag}")
EOF
)
if [ "$rc" -eq 0 ]; then
    echo "SURVIVED: the suite ($tests) passes with the shutting-down refusal broken"
    exit 1
fi
if [ -z "$failed" ]; then
    echo "set-up error: maven failed before any test failed (see below)" >&2
    tail -30 "$log" >&2
    exit 2
fi
echo "KILLED: $(printf '%s\n' "$failed" | wc -l) failing test(s):"
printf '%s\n' "$failed"
