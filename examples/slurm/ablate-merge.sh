#!/bin/bash
# The table of a finished ablation: submit.sh submits it with --dependency=afterok:<array job id>.
# Usage (from submit.sh): sbatch ablate-merge.sh RESULTS-FOLDER
#SBATCH --job-name=fishkit-merge
set -euo pipefail
${FISHKIT:-fishkit} ablate merge "$1"
