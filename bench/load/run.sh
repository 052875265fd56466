#!/usr/bin/env bash
# Starts Milepost on the local PostgreSQL (one or two instances on one database), runs the load
# driver against them and stops them again. Targets 127.0.0.1 only; every run stops by itself.
#
#   bench/load/run.sh [instances] [driver mode and options...]
#   bench/load/run.sh 1 mixed --clients 200 --seconds 60
#   bench/load/run.sh 2 mixed --clients 200 --seconds 60
#   bench/load/run.sh 1 ratios --clients 32 --seconds 10 --rounds 5
#   bench/load/run.sh 1 sizes --sizes 1000,10000,50000 --rounds 5
#
# MILEPOST_LOAD_SKIP_BUILD=1 reuses target/milepost-*.jar; MILEPOST_LOAD_DB names the database
# (dropped and created afresh, default milepost_load); MILEPOST_LOAD_HEAP sets -Xmx (default 2g);
# MILEPOST_LOAD_PORT is the first instance's port (default 18081, the next ones follow).
set -euo pipefail
cd "$(dirname "$0")/../.."

instances=${1:-1}
shift || true
db=${MILEPOST_LOAD_DB:-milepost_load}
heap=${MILEPOST_LOAD_HEAP:-2g}
first_port=${MILEPOST_LOAD_PORT:-18081}
admin_password=admin-password-for-load

if [ "${MILEPOST_LOAD_SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -q -B -ntp package -DskipTests -Dmaven.test.skip=true
fi
jar=$(ls target/milepost-*.jar | grep -v original | head -1)

psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qc "drop database if exists $db" -c "create database $db"

pids=()
logs=()
bases=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT

for i in $(seq 1 "$instances"); do
  port=$((first_port + i - 1))
  log=target/load-instance-$i.log
  SPRING_PROFILES_ACTIVE=postgres \
  MILEPOST_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" MILEPOST_DB_USER=postgres \
  MILEPOST_ADMIN_PASSWORD=$admin_password MILEPOST_DEMO=false PORT=$port \
    java -Xmx"$heap" -jar "$jar" >"$log" 2>&1 &
  pids+=($!)
  logs+=("$log")
  bases+=("http://127.0.0.1:$port")
  # the first instance migrates the schema; let it finish before the next starts
  for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
    if ! kill -0 "${pids[-1]}" 2>/dev/null; then echo "instance $i died; see $log" >&2; exit 1; fi
    sleep 1
  done
  curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null || { echo "instance $i not ready; see $log" >&2; exit 1; }
done

base_list=$(IFS=,; echo "${bases[*]}")
java -Xmx1g bench/load/Load.java "${@:-mixed}" --base "$base_list" --admin-password "$admin_password"
