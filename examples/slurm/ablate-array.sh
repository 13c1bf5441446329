#!/bin/bash
# One cell of an ablation grid per Slurm array task (cell K = $SLURM_ARRAY_TASK_ID); submit.sh sets --array.
# A finished cell is skipped and a half-finished one resumes, so a requeued or resubmitted task is safe.
# Usage (from submit.sh): sbatch --array=0-N ablate-array.sh GRID.json RESULTS-FOLDER
#SBATCH --job-name=fishkit-ablate
set -euo pipefail
${FISHKIT:-fishkit} ablate --grid "$1" --out "$2" --cell "$SLURM_ARRAY_TASK_ID"
