#!/bin/bash
# Submits an ablation grid to Slurm: one array task per cell (ablate-array.sh), then the merge (ablate-merge.sh),
# which starts once every task has succeeded and is cancelled if one fails.
# Usage: submit.sh GRID.json RESULTS-FOLDER [sbatch options for the cells, e.g. --cpus-per-task=4 --time=2:00:00]
# Paths are relative to the folder you submit from (jobs run there); RESULTS-FOLDER must be shared by the nodes.
# FISHKIT names the command line (default: fishkit, the .NET tool), e.g. FISHKIT="dotnet /opt/fishkit/FishKit.Cli.dll".
set -euo pipefail
if [ $# -lt 2 ]; then echo "usage: $0 GRID.json RESULTS-FOLDER [sbatch options for the cells]" >&2; exit 2; fi
grid=$1 out=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
export FISHKIT=${FISHKIT:-fishkit}
cells=$($FISHKIT ablate cells --grid "$grid" | wc -l)
array=$(sbatch --parsable --array="0-$((cells - 1))" "$@" "$here/ablate-array.sh" "$grid" "$out")
array=${array%%;*}
merge=$(sbatch --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes "$here/ablate-merge.sh" "$out")
merge=${merge%%;*}
echo "array job $array ($cells cells), merge job $merge: $out/table.csv when both are done"
