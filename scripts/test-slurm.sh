#!/usr/bin/env bash
# A throwaway single-node Slurm cluster for the tests, from Debian's slurm-wlm and munge:
# `start` prints the slurm.conf to export as SLURM_CONF (and WORKSHOP_TEST_SLURM); `stop FOLDER`
# stops the daemons and removes everything. Its own munge key and socket, its own ports, state
# and spool in the folder: nothing of a real cluster on the machine is touched.
set -euo pipefail
case "${1:-}" in
start)
  for daemon in slurmctld slurmd munged; do
    command -v "$daemon" >/dev/null || [ -x "/usr/sbin/$daemon" ] \
      || { echo "no $daemon (apt-get install slurm-wlm munge); the cluster grading test needs it" >&2; exit 1; }
  done
  export PATH="$PATH:/usr/sbin"
  folder="$(mktemp -d /tmp/workshop-slurm-XXXXXX)"
  chmod 755 "$folder"
  mkdir -p "$folder/state" "$folder/spool" "$folder/munge" "$folder/log"
  user="$(id -un)"
  host="$(hostname -s)"
  cpus="$(nproc)"
  # munge refuses keys and sockets other users can read; a key of our own, in a folder of our own.
  chmod 700 "$folder/munge"
  dd if=/dev/urandom of="$folder/munge/munge.key" bs=1024 count=1 status=none
  chmod 400 "$folder/munge/munge.key"
  munged --key-file="$folder/munge/munge.key" --socket="$folder/munge/socket" \
    --pid-file="$folder/munge/munged.pid" --seed-file="$folder/munge/seed" --log-file="$folder/log/munged.log" --force
  port=$((20000 + RANDOM % 20000))
  cat >"$folder/slurm.conf" <<EOF
ClusterName=workshop-test
SlurmctldHost=$host
SlurmUser=$user
SlurmdUser=$user
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$folder/munge/socket
StateSaveLocation=$folder/state
SlurmdSpoolDir=$folder/spool
SlurmctldPidFile=$folder/slurmctld.pid
SlurmdPidFile=$folder/slurmd.pid
SlurmctldLogFile=$folder/log/slurmctld.log
SlurmdLogFile=$folder/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
NodeName=$host CPUs=$cpus State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
  export SLURM_CONF="$folder/slurm.conf"
  slurmctld -f "$SLURM_CONF" || { cat "$folder/log/slurmctld.log" >&2; exit 1; }
  slurmd -f "$SLURM_CONF" || { cat "$folder/log/slurmd.log" >&2; exit 1; }
  for _ in $(seq 1 60); do
    if sinfo -h -o '%t' 2>/dev/null | grep -qE '^(idle|mix|alloc)'; then echo "$SLURM_CONF"; exit 0; fi
    sleep 1
  done
  echo "the test cluster did not come up within 60 s:" >&2
  sinfo >&2 || true
  tail -20 "$folder/log/slurmctld.log" "$folder/log/slurmd.log" >&2 || true
  exit 1
  ;;
stop)
  folder="${2:?usage: test-slurm.sh stop FOLDER}"
  export PATH="$PATH:/usr/sbin" SLURM_CONF="$folder/slurm.conf"
  scancel --user="$(id -un)" >/dev/null 2>&1 || true
  pids=()
  for file in "$folder/slurmd.pid" "$folder/slurmctld.pid" "$folder/munge/munged.pid"; do
    [ -f "$file" ] && pids+=("$(cat "$file")")
  done
  [ ${#pids[@]} -gt 0 ] && kill "${pids[@]}" 2>/dev/null || true
  # Wait until the daemons are gone (10 s at most), so nothing of the cluster outlives the tests.
  for _ in $(seq 1 100); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.1
  done
  rm -rf "$folder"
  ;;
*) echo "usage: test-slurm.sh start | stop FOLDER" >&2; exit 2 ;;
esac
