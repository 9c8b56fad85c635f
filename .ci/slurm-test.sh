#!/usr/bin/env bash
# Real Slurm test of sharded experiments (issue: Slurm job arrays). Starts a one-node Slurm
# cluster as root without systemd, submits the generated scripts for a small experiment split
# into 4 array tasks, checks the merged summary is byte-identical to a local run, checks that a
# failed task is reported and that merge refuses the incomplete set, then stops the daemons it
# started. Needs target/kosh.jar (mvn package). Usage: bash .ci/slurm-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jar="$root/target/kosh.jar"
[ -f "$jar" ] || { echo "slurm-test: $jar missing (run mvn package first)"; exit 1; }

if ! command -v slurmctld >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq slurmctld slurmd slurm-client munge >/dev/null
fi

work=$(mktemp -d /tmp/kosh-slurm.XXXXXX)
chmod 755 "$work"
state="$work/state"; mkdir -p "$state/ctld" "$state/d" "$work/log"
host=$(hostname -s)
cpus=$(nproc)
mem_mb=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 * 8 / 10 ))
conf="$work/slurm.conf"
cat > "$conf" <<CONF
ClusterName=kosh-ci
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SwitchType=switch/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/d
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
SlurmctldPort=6817
SlurmdPort=6818
MaxArraySize=1001
NodeName=$host CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=ci Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$conf"

munge_pid=""
cleanup() {
  set +e
  for p in "$work/slurmd.pid" "$work/slurmctld.pid"; do
    [ -f "$p" ] && kill "$(cat "$p")" 2>/dev/null
  done
  [ -f "$work/munged.pid" ] && kill "$(cat "$work/munged.pid")" 2>/dev/null
  sleep 1
}
trap cleanup EXIT

# munge: key, runtime dir, daemon as the munge user
mkdir -p /etc/munge /run/munge /var/lib/munge /var/log/munge
[ -f /etc/munge/munge.key ] || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 2>/dev/null
chown -R munge:munge /etc/munge /run/munge /var/lib/munge /var/log/munge
chmod 700 /etc/munge; chmod 400 /etc/munge/munge.key; chmod 755 /run/munge
su -s /bin/sh munge -c "/usr/sbin/munged --pid-file=$work/munged.pid.tmp" || /usr/sbin/munged -f --pid-file="$work/munged.pid.tmp"
sleep 1
cp "$work/munged.pid.tmp" "$work/munged.pid" 2>/dev/null || pgrep -n munged > "$work/munged.pid"

/usr/sbin/slurmctld -f "$conf"
/usr/sbin/slurmd -f "$conf"
for i in $(seq 1 30); do
  if sinfo -h -o %T 2>/dev/null | grep -q -E "idle|mixed"; then break; fi
  sleep 1
done
sinfo
scontrol update nodename="$host" state=resume 2>/dev/null || true

# a small experiment
exp="$work/exp.yaml"
cat > "$exp" <<YAML
name: slurm-ci
scenarios:
  - $root/scenarios/baseline.yaml
  - $root/scenarios/no-bolashak-obligation.yaml
replications: 4
baseSeed: 1
scale: 0.01
startYear: 2015
endYear: 2018
spinUpYears: 4
YAML

java -jar "$jar" experiment "$exp" --out "$work/local" --threads 1 >/dev/null 2>&1
java -jar "$jar" experiment slurm-script "$exp" --tasks 4 --out "$work/cluster" --jar "$jar" --partition ci --time 00:10:00 --mem 1G
mkdir -p "$work/cluster/logs"
array=$(sbatch --parsable --wait --output="$work/cluster/logs/shard-%a.out" "$work/cluster/slurm/shards.sbatch") || { echo "slurm-test: array job failed"; cat "$work/cluster/logs/"*.out || true; exit 1; }
echo "array job $array finished"
sbatch --parsable --wait --output="$work/cluster/logs/merge.out" "$work/cluster/slurm/merge.sbatch" >/dev/null || { echo "slurm-test: merge job failed"; cat "$work/cluster/logs/merge.out"; exit 1; }
java -jar "$jar" experiment status "$work/cluster"
cmp "$work/local/summary.csv" "$work/cluster/summary.csv"
cmp "$work/local/differences.csv" "$work/cluster/differences.csv"
echo "slurm-test: merged summary is byte-identical to the local run"

# a failing task: shard 3 of 4 runs a missing experiment file, so the array fails
cat > "$work/failing.sbatch" <<SB
#!/usr/bin/env bash
#SBATCH --array=0-3
#SBATCH --output=$work/failing/logs/shard-%a.out
if [ "\$SLURM_ARRAY_TASK_ID" = 3 ]; then exp=$work/no-such-experiment.yaml; else exp=$exp; fi
java -jar $jar experiment "\$exp" --shard \${SLURM_ARRAY_TASK_ID}/4 --out $work/failing --threads 1
SB
mkdir -p "$work/failing/logs"
if sbatch --wait "$work/failing.sbatch" >/dev/null 2>&1; then
  echo "slurm-test: a failing array task was not reported"; exit 1
fi
echo "slurm-test: the failing task was reported by sbatch --wait"
if java -jar "$jar" experiment merge "$work/failing" > "$work/merge-incomplete.txt" 2>&1; then
  echo "slurm-test: merge accepted an incomplete set"; exit 1
fi
grep -q "missing" "$work/merge-incomplete.txt"
echo "slurm-test: merge refused the incomplete set:"; head -3 "$work/merge-incomplete.txt"
echo "slurm-test: 3 passed, 0 failed"
