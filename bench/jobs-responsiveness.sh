#!/usr/bin/env bash
# The job system's figures for docs/benchmarks.md: the GUI thread's worst stall while a real
# CPU-bound job runs, the time from Cancel to the job reporting cancelled, and the time to close
# the window with two jobs running. Runs the Qt tests that measure them, RUNS times each.
# Usage: bench/jobs-responsiveness.sh [BUILD_DIR] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build/release}
runs=${2:-5}
export QT_QPA_PLATFORM=offscreen
for ((i = 1; i <= runs; i++)); do
  "$build/tests/tst_JobManager" guiThreadKeepsRunningWhileAJobWorks cancelStopsAJobPromptly \
    shutdownCancelsRunningJobsAndWaits 2>&1 | grep QINFO | sed 's/^QINFO *: tst_JobManager:://'
  "$build/tests/tst_MainWindowJobs" closingWithJobsRunningCancelsThemAndExitsPromptly 2>&1 \
    | grep QINFO | sed 's/^QINFO *: tst_MainWindowJobs:://'
done
