#!/usr/bin/env bash
# Crash test of the milestone-status recompute (docs/operations.md, "Crash test of the status recompute").
#
# Starts the jar on a fresh PostgreSQL database, makes a few projects, fires a burst of plan changes
# across them, kill -9s the JVM the moment the burst's last answer is in, restarts it and waits for the
# recompute worker to drain. Then it checks, from outside:
#   1. nothing was lost: every change that got a 200 is in the database;
#   2. no status is stale: status_recompute is empty, the API says statusesStaleSince null, and every
#      project's stored statuses (milestone_status) equal the ones the API computes fresh;
#   3. nothing was recomputed twice: the restarted instance logs exactly one "Recomputed the milestone
#      statuses of KEY" for each project that had requests waiting at the kill and none for the others,
#      and no milestone's status change ("is now …") is logged twice.
# Talks to 127.0.0.1 only, stops the instance it started, and exits 0 only if every check holds.
#
#   ./mvnw -q -B -ntp package -DskipTests     # through /work/bin/slot on a shared machine
#   bench/crash/run.sh                        # PROJECTS=6 BURST=40 PORT=18291 DB=milepost_crash JAR=…
set -euo pipefail
cd "$(dirname "$0")/../.."

JAR=${JAR:-target/milepost-0.1.0-SNAPSHOT.jar}
PORT=${PORT:-18291}
DB=${DB:-milepost_crash}
PROJECTS=${PROJECTS:-6}
BURST=${BURST:-40}          # plan changes per project
PARALLEL=${PARALLEL:-8}     # requests in flight at once
LOOKS=${LOOKS:-120}         # polls of statusesStaleSince per project after the restart, 2 s apart
# false restarts without background work: no recompute runs, and the checks must fail (they bite)
RESTART_BACKGROUND=${RESTART_BACKGROUND:-true}
PGHOST=127.0.0.1 PGUSER=${PGUSER:-postgres} PGOPTIONS='-c client_min_messages=warning'
export PGHOST PGUSER PGOPTIONS
PASSWORD=admin-password-for-crash-test
BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d /tmp/milepost-crash.XXXXXX)
PID=

say() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }
fail() { say "FAIL: $*"; exit 1; }
sql() { psql -d "$DB" -At -v ON_ERROR_STOP=1 -c "$1"; }
api() { curl -s -u "admin:$PASSWORD" -H 'Content-Type: application/json' "$@"; }

cleanup() {
	if [[ -n "$PID" ]] && kill -0 "$PID" 2>/dev/null; then
		kill "$PID" && wait "$PID" 2>/dev/null || true
	fi
}
trap cleanup EXIT

start() { # $1: log file, $2: background work on (true/false)
	MILEPOST_BACKGROUND_ENABLED=${2:-true} SPRING_PROFILES_ACTIVE=postgres MILEPOST_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" MILEPOST_DB_USER="$PGUSER" \
		MILEPOST_ADMIN_PASSWORD=$PASSWORD MILEPOST_DEMO=false PORT=$PORT SERVER_ADDRESS=127.0.0.1 \
		java -Xmx1g -jar "$JAR" >"$1" 2>&1 &
	PID=$!
	for _ in $(seq 1 300); do
		if curl -sf "$BASE/actuator/health" >/dev/null 2>&1; then
			say "instance $PID up ($1)"
			return
		fi
		kill -0 "$PID" 2>/dev/null || fail "the instance died while starting; see $1"
		sleep 1
	done
	fail "the instance did not start within 300 s; see $1"
}

[[ -f "$JAR" ]] || fail "no $JAR: build it first (./mvnw -q -B -ntp package -DskipTests)"
psql -d postgres -qc "drop database if exists $DB" -c "create database $DB" >/dev/null
say "fresh database $DB; work files in $WORK"

start "$WORK/before-crash.log"

# Each project: a chain of 5 tasks feeding milestone M1 and another feeding M2, targets a few weeks out.
TODAY=$(date -u +%F)
KEYS=()
for p in $(seq 1 "$PROJECTS"); do
	key="CRASH$p"
	KEYS+=("$key")
	api -X POST "$BASE/api/v1/projects" -o /dev/null -w '%{http_code}' -d "{\"key\":\"$key\",\"name\":\"Crash $p\",
		\"sponsor\":\"admin\",\"manager\":\"admin\",\"start\":\"$TODAY\",\"targetFinish\":\"$(date -u -d '+2 years' +%F)\",
		\"status\":\"ACTIVE\"}" | grep -q 201 || fail "could not create project $key"
	python3 - "$TODAY" >"$WORK/$key.plan.json" <<'EOF'
import datetime, json, sys
today = datetime.date.fromisoformat(sys.argv[1])
ops = []
for m, weeks in (("m1", 6), ("m2", 9)):
    ops.append({"op": "create", "type": "milestone", "ref": m, "value": {"name": m.upper(),
        "targetDate": str(today + datetime.timedelta(weeks=weeks)), "owner": "admin",
        "criterion": {"kind": "OWNER_CONFIRMATION", "text": "The owner confirms"}}})
    previous = None
    for t in range(5):
        ref = f"{m}-t{t}"
        ops.append({"op": "create", "type": "task", "ref": ref, "value": {"name": ref, "durationDays": 5}})
        if previous:
            ops.append({"op": "create", "type": "dependency", "value": {"predecessor": {"ref": previous},
                "successor": {"ref": ref}, "type": "FS", "lagDays": 0}})
        previous = ref
    ops.append({"op": "create", "type": "dependency", "value": {"predecessor": {"ref": previous},
        "successor": {"ref": m}, "type": "FS", "lagDays": 0}})
print(json.dumps({"operations": ops}))
EOF
	api -X POST "$BASE/api/v1/projects/$key/plan/changes" -d @"$WORK/$key.plan.json" -o "$WORK/$key.plan.out" \
		-w '%{http_code}' | grep -q 200 || fail "could not load the plan of $key: $(cat "$WORK/$key.plan.out")"
done
say "${#KEYS[@]} projects with 2 milestones and 10 tasks each"

# The burst: each change adds a feeder task (1-40 days) linked to M1 or M2, interleaved across projects,
# PARALLEL at a time. Every answer is kept.
: >"$WORK/burst.list"
for i in $(seq 1 "$BURST"); do
	for key in "${KEYS[@]}"; do
		echo "$key $i" >>"$WORK/burst.list"
	done
done
# the milestones are named by id: look them up once
for key in "${KEYS[@]}"; do
	jq -r '.created[] | select(.ref=="m1" or .ref=="m2") | "\(.ref) \(.id)"' "$WORK/$key.plan.out" >"$WORK/$key.milestones"
done
cat >"$WORK/change.sh" <<'EOF'
#!/usr/bin/env bash
# one change: a feeder task of 1-40 days linked FS to M1 or M2, in bulk (two in three) or through the single
# endpoints; prints "KEY i 200" when the change was accepted
key=$1 i=$2
days=$(( (i * 7 + ${#key} * 13) % 40 + 1 ))
milestone=$(awk -v m="m$(( i % 2 + 1 ))" '$1==m{print $2}' "$WORK/$key.milestones")
auth=(-s -u "admin:$PASSWORD" -H 'Content-Type: application/json')
if (( i % 3 == 0 )); then
	# through the single endpoints: two requests, two transactions
	task=$(curl "${auth[@]}" -X POST "$BASE/api/v1/projects/$key/tasks" \
		-d "{\"name\":\"feeder $i\",\"durationDays\":$days}" | jq -r '.id // empty' || true)
	status=$([[ -n "$task" ]] && curl "${auth[@]}" -o /dev/null -w '%{http_code}' -X POST \
		"$BASE/api/v1/projects/$key/dependencies" \
		-d "{\"predecessor\":\"$task\",\"successor\":\"$milestone\",\"type\":\"FS\",\"lagDays\":0}" || echo 000)
	[[ "$status" == 201 ]] && status=200
else
	status=$(curl "${auth[@]}" -o /dev/null -w '%{http_code}' -X POST "$BASE/api/v1/projects/$key/plan/changes" \
		-d "{\"operations\":[
		{\"op\":\"create\",\"type\":\"task\",\"ref\":\"f\",\"value\":{\"name\":\"feeder $i\",\"durationDays\":$days}},
		{\"op\":\"create\",\"type\":\"dependency\",\"value\":{\"predecessor\":{\"ref\":\"f\"},
		 \"successor\":\"$milestone\",\"type\":\"FS\",\"lagDays\":0}}]}" || true)
fi
echo "$key $i $status"
EOF
export WORK PASSWORD BASE
chmod +x "$WORK/change.sh"

say "burst: $BURST changes to each of ${#KEYS[@]} projects, $PARALLEL at a time"
xargs -P "$PARALLEL" -L 1 "$WORK/change.sh" <"$WORK/burst.list" >"$WORK/burst.out"
kill -9 "$PID"
wait "$PID" 2>/dev/null || true
PID=
say "killed -9 right after the burst's last answer"

accepted=$(awk '$3==200' "$WORK/burst.out" | wc -l)
other=$(awk '$3!=200' "$WORK/burst.out" | wc -l)
[[ "$other" == 0 ]] || fail "$other burst changes were not accepted: $(awk '$3!=200' "$WORK/burst.out" | head -3)"
sql "select project_key || ' ' || count(*) from status_recompute group by project_key order by 1" >"$WORK/pending"
say "accepted $accepted changes; requests waiting at the kill, by project: $(tr '\n' ';' <"$WORK/pending")"
[[ -s "$WORK/pending" ]] || fail "no request was waiting at the kill, so the restart proves nothing: raise BURST"

snapshot() { # $1: project key: its stored statuses, one milestone a line, as the API's fresh ones are printed
	sql "select s.milestone_id || ' ' || s.status || ' ' || coalesce(cast(s.forecast_date as varchar), 'null') || ' '
	       || coalesce(cast(s.slack_days as varchar), 'null')
	     from milestone_status s join project p on p.id = s.project_id where p.project_key = '$1'" | sort
}
for key in "${KEYS[@]}"; do
	snapshot "$key" >"$WORK/$key.at-kill"
done

start "$WORK/after-restart.log" "$RESTART_BACKGROUND"

for key in "${KEYS[@]}"; do
	for attempt in $(seq 1 "$LOOKS"); do
		since=$(api "$BASE/api/v1/projects/$key/milestone-status" | jq -r '.statusesStaleSince')
		[[ "$since" == null ]] && break
		[[ "$attempt" == "$LOOKS" ]] && fail "$key still stale since $since after $LOOKS looks"
		sleep 2
	done
done
say "every project says its statuses are current"

failures=0
check() { # $1: description, $2: condition result (0 = holds)
	if [[ "$2" == 0 ]]; then say "ok   $1"; else say "FAIL $1"; failures=$((failures + 1)); fi
}

# 1. nothing lost
for key in "${KEYS[@]}"; do
	expected=$(( 10 + $(awk -v k="$key" '$1==k && $3==200' "$WORK/burst.out" | wc -l) ))
	stored=$(sql "select count(*) from task t join project p on p.id = t.project_id where p.project_key = '$key'")
	check "$key: $stored tasks stored, $expected accepted" "$([[ "$stored" == "$expected" ]]; echo $?)"
done

# 2. none stale
behind=0
left=$(sql "select count(*) from status_recompute")
check "status_recompute is empty ($left rows)" "$([[ "$left" == 0 ]]; echo $?)"
for key in "${KEYS[@]}"; do
	api "$BASE/api/v1/projects/$key/milestone-status" \
		| jq -r '.milestones[] | "\(.id) \(.status) \(.forecast) \(.slackDays)"' | sort >"$WORK/$key.fresh"
	snapshot "$key" >"$WORK/$key.stored"
	diff -q "$WORK/$key.fresh" "$WORK/$key.at-kill" >/dev/null || behind=$((behind + 1))
	check "$key: stored statuses equal a fresh computation ($(awk '{print $2}' "$WORK/$key.stored" | sort | uniq -c | xargs))" \
		"$(diff -q "$WORK/$key.fresh" "$WORK/$key.stored" >/dev/null; echo $?)"
done

say "     (at the kill, the stored statuses of $behind of ${#KEYS[@]} projects were behind the plan)"

# 3. once
for key in "${KEYS[@]}"; do
	waiting=$(awk -v k="$key" '$1==k{print $2}' "$WORK/pending")
	expected=$([[ -n "$waiting" ]] && echo 1 || echo 0)
	recomputes=$(grep -c "Recomputed the milestone statuses of $key for" "$WORK/after-restart.log" || true)
	check "$key: recomputed $recomputes time(s) after the restart for ${waiting:-0} waiting request(s) (expected $expected)" \
		"$([[ "$recomputes" == "$expected" ]]; echo $?)"
done
twice=$({ grep -o "Milestone '.*' of [A-Z0-9]* is now" "$WORK/after-restart.log" || true; } | sort | uniq -d | wc -l)
check "no milestone's status change logged twice after the restart ($twice)" "$([[ "$twice" == 0 ]]; echo $?)"

say "logs and answers in $WORK"
if [[ "$failures" != 0 ]]; then
	fail "$failures check(s) failed"
fi
say "PASS: $accepted changes across ${#KEYS[@]} projects, kill -9, restart: nothing lost, nothing stale, each waiting project recomputed once"
